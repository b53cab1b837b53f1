namespace Search.Benchmarks.Speed;

/// <summary>Command-line options of <c>speed</c>.</summary>
public sealed class SpeedOptions
{
    public List<int> Docs { get; private set; } = new() { 10_000, 100_000 };
    public bool Million { get; private set; }
    public bool Quick { get; private set; }
    public string Work { get; private set; } = Path.Combine(Path.GetTempPath(), "search-bench");
    public bool SkipFts5 { get; private set; }
    public bool SkipReuters { get; private set; }
    public bool SkipStartup { get; private set; }
    public bool SkipProfile { get; private set; }
    /// <summary>Replace the report in docs/performance.md (`--update-docs`; `--update-readme` is its old name).</summary>
    public bool UpdateDocs { get; private set; }
    public int Iterations { get; private set; } = 200;
    /// <summary>Upper bound on the time spent timing one query type for one engine.</summary>
    public double SecondsPerQueryType { get; private set; } = 15;
    public string? Cli { get; private set; }
    public string? Shared { get; private set; }

    /// <summary>The corpus size queries and start-up are timed on: the largest below a million.</summary>
    public int QueryDocs => Docs.Where(d => d < 1_000_000).DefaultIfEmpty(Docs.Max()).Max();

    public const string Usage =
        "speed [--docs 10000,100000] [--million] [--quick] [--work DIR] [--skip-fts5] [--skip-reuters]\n" +
        "        [--skip-startup] [--skip-profile] [--iterations N] [--cli PATH/search] [--shared DIR] [--update-docs]\n" +
        "                                       index/query/start-up speed against plain Lucene.Net and SQLite FTS5";

    public static SpeedOptions Parse(string[] args)
    {
        var o = new SpeedOptions();
        bool docsGiven = false, iterationsGiven = false;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--docs":
                    o.Docs = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseCount).ToList();
                    docsGiven = true;
                    break;
                case "--million": o.Million = true; break;
                case "--quick": o.Quick = true; break;
                case "--work": o.Work = Value(); break;
                case "--skip-fts5": o.SkipFts5 = true; break;
                case "--skip-reuters": o.SkipReuters = true; break;
                case "--skip-startup": o.SkipStartup = true; break;
                case "--skip-profile": o.SkipProfile = true; break;
                case "--update-docs" or "--update-readme": o.UpdateDocs = true; break;
                case "--iterations": o.Iterations = ParseCount(Value()); iterationsGiven = true; break;
                case "--cli": o.Cli = Value(); break;
                case "--shared": o.Shared = Value(); break;
                default: throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
        }
        if (o.Quick)
        {
            if (!docsGiven) o.Docs = new() { 2_000, 20_000 };
            if (!iterationsGiven) o.Iterations = 50;
            o.SecondsPerQueryType = 5;
        }
        if (o.Million && !o.Docs.Contains(1_000_000))
            o.Docs.Add(1_000_000);
        if (o.Docs.Count == 0 || o.Docs.Any(d => d <= 0))
            throw new ArgumentException("--docs needs positive counts");
        o.Docs = o.Docs.Distinct().Order().ToList();
        o.Work = Path.GetFullPath(o.Work);
        return o;
    }

    private static int ParseCount(string s) =>
        int.TryParse(s.Replace("_", ""), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new ArgumentException($"'{s}' is not a positive count");
}
