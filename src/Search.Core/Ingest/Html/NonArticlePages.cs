using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Pages that hold no article although the extractor finds some text in them: a redirect
/// (<c>meta http-equiv=refresh</c> with a few words such as "You are being redirected"), an ad
/// frame or an empty shell ("Advertisement"), a menu or index (text that is almost all links).
/// Each is skipped with its reason rather than indexed as an article.
/// </summary>
public static partial class NonArticlePages
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

    /// <summary>Most words an error page runs to: its message, a search box's label, a few
    /// suggestions. A longer page under such a title is an article about it.</summary>
    public const int MaxErrorPageWords = 150;

    /// <summary>Why a page is a server's or a bot check's error page rather than an article ("Page
    /// not found", "403 Forbidden", "Access denied", "Just a moment..."), judged by its title or
    /// first heading, or a part of either between separators (<c>Page not found | City Times</c>),
    /// being only such a message, and its text being short; null otherwise. Folders of saved pages
    /// hold many: a link that had died, a download a site refused.</summary>
    public static string? ErrorPage(string? title, string? heading, string body)
    {
        if (Words(body) > MaxErrorPageWords)
            return null;
        foreach (string? text in (string?[])[title, heading])
        {
            if (string.IsNullOrWhiteSpace(text))
                continue;
            string line = ParagraphText.CollapseWhitespace(text);
            foreach (string part in line.Split(TitleSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Prepend(line))
                if (ErrorMessage().IsMatch(part))
                    return $"an error page (\"{Shorten(line)}\"), not an article";
        }
        return null;
    }

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", ": ", " :: ", " · ", " • "];

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";

    /// <summary>A server's status page, a bot check or a login wall, alone: the whole title or part.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""^(?:(?:error|http)\s*)?(?:[45]\d{2}\b\s*[-:.]?\s*)?(?:(?:error\s*)?[45]\d{2}|(?:the\s+)?(?:page|file|article|content|story|resource)?\s*(?:was\s+|could\s+not\s+be\s+|cannot\s+be\s+|can't\s+be\s+)?not\s+(?:be\s+)?found|page\s+(?:does\s+not|doesn't)\s+exist|access\s+denied|forbidden|gone|(?:internal\s+)?server\s+error|service\s+(?:temporarily\s+)?unavailable|bad\s+gateway|gateway\s+time-?out|too\s+many\s+requests|just\s+a\s+moment|attention\s+required!?|are\s+you\s+a\s+robot|security\s+check|verify(?:ing)?\s+(?:that\s+)?you\s+are\s+(?:a\s+)?human|checking\s+your\s+browser|please\s+enable\s+(?:cookies|javascript)|seite\s+nicht\s+gefunden|p[áa]gina\s+no\s+encontrada|page\s+introuvable|pagina\s+non\s+trovata|p[áa]gina\s+n[ãa]o\s+encontrada|pagina\s+niet\s+gevonden|страница\s+не\s+найдена)[\s.!…?]*$""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ErrorMessage();

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
