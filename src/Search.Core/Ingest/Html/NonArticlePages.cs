using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Pages that hold no article although the extractor finds some text in them: a redirect
/// (<c>meta http-equiv=refresh</c> with a few words such as "You are being redirected"), an ad
/// frame or an empty shell ("Advertisement"), a menu or index (text that is almost all links).
/// Each is skipped with its reason rather than indexed as an article.
/// </summary>
public static class NonArticlePages
{
    /// <summary>Fewer words than this is not an article: the shortest news briefs run to a few
    /// sentences (the AEB set's shortest article has 40 words).</summary>
    public const int MinWords = 15;

    /// <summary>Share of the text inside links above which the text is a menu or an index.</summary>
    public const double MaxLinkShare = 0.6;

    /// <summary>Why the page is not an article, or null when it is one.</summary>
    /// <param name="document">The parsed page (read before extraction changes it).</param>
    /// <param name="content">The extractor's article element, before clean-up.</param>
    /// <param name="body">The article's text.</param>
    public static string? Reason(IDocument document, IElement? content, string body)
    {
        int words = Words(body);
        string? refresh = RedirectTarget(document);
        if (refresh != null && words < 4 * MinWords)
            return $"a redirect page (to {refresh}), not an article";
        if (words < MinWords)
            return $"no article in the page: only {words} word{(words == 1 ? "" : "s")} of text (an ad frame, a menu or an empty page)";
        if (content != null)
        {
            int all = Words(content.TextContent);
            int linked = content.QuerySelectorAll("a").Sum(a => Words(a.TextContent));
            if (all > 0 && linked > MaxLinkShare * all)
                return $"no article in the page: {100 * linked / all}% of its text is links (a menu or an index page)";
        }
        return null;
    }

    private static string? RedirectTarget(IDocument document)
    {
        foreach (IElement meta in document.QuerySelectorAll("meta[http-equiv]"))
        {
            if (!string.Equals(meta.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
                continue;
            string content = meta.GetAttribute("content") ?? "";
            int url = content.IndexOf("url=", StringComparison.OrdinalIgnoreCase);
            if (url >= 0)
                return content[(url + 4)..].Trim(' ', '\'', '"');
        }
        return null;
    }

    /// <summary>Runs of letters or digits; kana and CJK ideographs each one.</summary>
    internal static int Words(string text)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (c >= '\u3040' && c <= '\u9FFF' && char.IsLetter(c))
            {
                n++; // kana and CJK ideographs: written without spaces, each counted as a word
                inWord = false;
                continue;
            }
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
                n++;
            inWord = letter;
        }
        return n;
    }
}
