namespace Search.Core.Querying;

/// <summary>
/// The <c>field:value</c> terms of a keyword query of which any word may match (<c>--any</c>):
/// the keywords are analysed as plain text, where <c>title:russia</c> was one word no article has,
/// so the field was lost and the term found nothing. Each such term (a known field or alias, its
/// value a word, a quoted phrase or a range) is taken out of the keywords to be parsed as the query
/// language reads it, one more alternative beside the words.
/// </summary>
internal static partial class AnyWordsFields
{
    /// <summary>The text without its field terms, and each field term with its 1-based position.</summary>
    public static (string Words, List<(string Term, int Position)> Fields) Split(string text)
    {
        var fields = new List<(string, int)>();
        if (!text.Contains(':', StringComparison.Ordinal))
            return (text, fields); // the common case: nothing to look for
        var words = FieldTerm().Replace(text, m =>
        {
            string name = m.Groups["field"].Value.ToLowerInvariant();
            if (!ArticleQueryParser.KnownFields.Contains(name) && !ArticleQueryParser.FieldAliases.Contains(name))
                return m.Value;
            fields.Add((name + m.Value[m.Groups["field"].Length..], m.Index + 1));
            return new string(' ', m.Length);
        });
        return (words, fields);
    }

    [GeneratedRegex(@"(?<![^\s(])(?<field>\p{L}+):(?:""[^""]*""|[\[{][^\]}]*[\]}]|[^\s""]+)")]
    private static partial Regex FieldTerm();
}
