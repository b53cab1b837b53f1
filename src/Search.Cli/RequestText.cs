using Search.Core;
using Search.Core.Querying;

namespace Search.Cli;

/// <summary>
/// Sort orders and filters as people type them, the same on the command line (`--sort`,
/// `--filter`) and in the console (`:sort`, `:filter`), so both say the same things about them.
/// </summary>
public static class RequestText
{
    /// <summary>The orders `--sort` and `:sort` take.</summary>
    public static readonly string[] SortNames = { "relevance", "newest", "oldest" };

    /// <summary>The order named by <paramref name="text"/>; an error that names <paramref name="option"/>
    /// (`--sort` on the command line, `:sort` in the console) otherwise.</summary>
    public static SortOrder ParseSort(string text, string option = "--sort") =>
        SearchRequest.TryParseSort(text, out var sort) ? sort : throw new UsageException($"{option} must be {Rendering.Formats.Or(SortNames)}, not '{text}'");

    /// <summary>`DIM=VALUE` filters, values of one dimension OR'd.</summary>
    public static Dictionary<string, IReadOnlyList<string>> ParseFilters(IEnumerable<string> filters)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (string f in filters)
        {
            var (dim, value) = ParseFilter(f);
            AddFilter(result, dim, value);
        }
        return result;
    }

    /// <summary>Adds one value to a dimension's filter (a value already there is not repeated).</summary>
    public static void AddFilter(Dictionary<string, IReadOnlyList<string>> filters, string dimension, string value) =>
        filters[dimension] = filters.TryGetValue(dimension, out var list)
            ? list.Append(value).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : new List<string> { value };

    public static (string Dimension, string Value) ParseFilter(string text) =>
        TryParseFilter(text, out var filter) ? filter : throw new SearchException(FilterError(text), 2);

    public static string FilterError(string text) => $"a filter is DIMENSION=VALUE (like place=Russia), not '{text}'";

    public static bool TryParseFilter(string text, out (string Dimension, string Value) filter)
    {
        int eq = text.IndexOf('=');
        filter = eq <= 0 || eq == text.Length - 1 ? default : (text[..eq].Trim(), text[(eq + 1)..].Trim());
        return eq > 0 && eq < text.Length - 1;
    }
}
