using System.CommandLine;
using System.Globalization;
using Search.Cli.Rendering;

namespace Search.Cli.Commands;

/// <summary>
/// Options several commands share, and the kinds of option every command declares (a bounded
/// whole number, one of a few words). Each option is declared once, with its description, default
/// and validation; help, errors and shell completion all come from that declaration.
/// </summary>
public static class SharedOptions
{
    public static Option<string?> Index() => new("--index")
    {
        Description = "the index folder (default: $SEARCH_INDEX, else ./index)",
        HelpName = "DIR",
    };

    public static Option<bool> Json(string description = "machine-readable output (JSON)") => new("--json") { Description = description };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Option<string?> Text(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = LastValue,
    };

    /// <summary>An option given twice keeps its last value (`--limit 5 --limit 6` is 6), as a
    /// script that appends to a command line expects.</summary>
    private static string? LastValue(System.CommandLine.Parsing.ArgumentResult result) =>
        result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; anything else is
    /// "--name needs a whole number from min to max, not 'x'".</summary>
    public static Option<int> WholeNumber(string name, string description, int defaultValue, int min, int max = int.MaxValue)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = "N",
            DefaultValueFactory = _ => defaultValue,
            Arity = ArgumentArity.OneOrMore,
        };
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return defaultValue;
            string text = result.Tokens[^1].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max)
                return n;
            result.AddError($"{name} needs a whole number from {min} to {max}, not '{text}'");
            return defaultValue;
        };
        return option;
    }

    /// <summary>One of <paramref name="values"/> (completed by the shell, listed in help), in any
    /// case (`--sort Newest` is `newest`, as `--facet Place` is `place`); anything else is "--name
    /// must be a, b or c, not 'x'".</summary>
    public static Option<string> OneOf(string name, string description, string? defaultValue, IReadOnlyList<string> values)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', values),
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result => LastValue(result) is { } value
                ? values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) ?? value
                : null,
        };
        if (defaultValue != null)
            option.DefaultValueFactory = _ => defaultValue;
        option.CompletionSources.Add(values.ToArray());
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !values.Contains(result.Tokens[^1].Value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"{name} must be {Formats.Or(values)}, not '{result.Tokens[^1].Value}'");
        });
        return option;
    }

    /// <summary>The one article id `show` and `related` take, added to <paramref name="command"/>;
    /// missing, "COMMAND needs an article id".</summary>
    public static Argument<string?> ArticleId(Command command)
    {
        var id = new Argument<string?>("ID")
        {
            Description = "the article's id (as `search query` shows it)",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "ID", // required: the command says so when it is missing
        };
        command.Arguments.Add(id);
        command.Validators.Add(r =>
        {
            if (r.GetValue(id) == null)
                r.AddError($"{command.Name} needs an article id, as `search query` shows it");
        });
        return id;
    }

    /// <summary>A repeatable option (`--facet a --facet b`).</summary>
    public static Option<string[]> Many(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
