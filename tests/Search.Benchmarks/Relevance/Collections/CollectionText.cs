using System.Text.RegularExpressions;

namespace Search.Benchmarks.Relevance.Collections;

/// <summary>Text clean-up shared by the collection parsers.</summary>
internal static partial class CollectionText
{
    /// <summary>The old collections wrap text at ~70 columns (TIME double-spaces it too); line
    /// breaks carry no meaning, so runs of white space become one space.</summary>
    public static string Collapse(IEnumerable<string> lines) => Spaces().Replace(string.Join(' ', lines), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
