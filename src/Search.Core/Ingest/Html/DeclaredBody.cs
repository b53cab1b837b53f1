namespace Search.Core.Ingest.Html;

/// <summary>
/// The article text a page declares in its JSON-LD (<c>articleBody</c>), taken instead of the text
/// found on the page when the page shows little of it: a page whose text a script draws (saved
/// without running it, its body is "Loading…"), and a paywalled page that shows a teaser but
/// declares the whole text for search engines. Otherwise the page's own text stays: what a page
/// shows is what its reader saw, and the declared text is sometimes a summary.
/// </summary>
public static class DeclaredBody
{
    /// <summary>The declared text as paragraphs, when it holds at least <see cref="NonArticlePages.MinWords"/>
    /// words (counted as <see cref="NonArticlePages"/> counts them, CJK included) and at least twice
    /// the words of <paramref name="shown"/>; else null.</summary>
    public static string? Instead(string? declared, string shown)
    {
        if (declared == null)
            return null;
        string text = ToText(declared);
        int words = NonArticlePages.Words(text);
        return words >= NonArticlePages.MinWords && words >= 2 * NonArticlePages.Words(shown) ? text : null;
    }

    /// <summary>Paragraphs separated by a blank line: the declared string's markup (some sites put
    /// HTML in it) read as a page's, or its lines as paragraphs.</summary>
    public static string ToText(string declared)
    {
        if (declared.Contains("</", StringComparison.Ordinal) || declared.Contains("<br", StringComparison.OrdinalIgnoreCase))
            return MarkupInFields.BlockText(declared);
        var paragraphs = declared.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(ParagraphText.CollapseWhitespace).Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }
}
