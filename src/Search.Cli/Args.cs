namespace Search.Cli;

/// <summary>
/// A small command-line parser: positional words, `--name value` / `--name=value` options (which
/// may repeat) and `--flag`s. Words starting with a single '-' are positional, so `search query
/// -russia` means what it says. Anything unexpected is a <see cref="UsageException"/>.
/// </summary>
public sealed class Args
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = new();

    public static Args Parse(IReadOnlyList<string> argv, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        var args = new Args();
        bool onlyPositionals = false;
        for (int i = 0; i < argv.Count; i++)
        {
            string a = argv[i];
            if (onlyPositionals || !a.StartsWith("--", StringComparison.Ordinal) || a == "-")
            {
                args.Positionals.Add(a);
                continue;
            }
            if (a == "--")
            {
                onlyPositionals = true;
                continue;
            }
            string name = a[2..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            if (flags.Contains(name))
            {
                if (value != null)
                    throw new UsageException($"--{name} takes no value");
                args._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                if (value == null)
                {
                    if (i + 1 >= argv.Count)
                        throw new UsageException($"--{name} needs a value");
                    value = argv[++i];
                }
                if (!args._options.TryGetValue(name, out var list))
                    args._options[name] = list = new List<string>();
                list.Add(value);
            }
            else
                throw new UsageException($"unknown option --{name}");
        }
        return args;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _options.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var list) ? list : Array.Empty<string>();

    public int Int(string name, int fallback, int min = 0, int max = int.MaxValue)
    {
        string? v = Value(name);
        if (v == null)
            return fallback;
        if (!int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw new UsageException($"--{name} needs a whole number from {min} to {max}, not '{v}'");
        return n;
    }
}

/// <summary>A command line that cannot be understood; exits with status 2 and a usage hint.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
