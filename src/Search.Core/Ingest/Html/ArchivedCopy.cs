using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// A page saved from a web archive's replay (the Wayback Machine, Archive-It, national libraries'
/// archives: every one that runs Wayback or pywb). The replay rewrites the page's own addresses
/// to <c>https://web.archive.org/web/20230518093012/https://www.bbc.com/news/…</c> and inserts its
/// toolbar. Read as it is, every such page's outlet was <c>web.archive.org</c>, its URL date was
/// lost and the title kept the site's name. The page is the article at the original address, so
/// that address is its URL; the toolbar is the archive's, never the article's.
/// </summary>
public static class ArchivedCopy
{
    /// <summary>The replays' toolbars and banners (Wayback's, its print and donation boxes, pywb's).</summary>
    private const string Toolbars = "#wm-ipp-base, #wm-ipp, #wm-ipp-print, #donato, #_wb_frame_top_banner, #_wb_plain_banner";

    /// <summary>The address a replay URL archives (<c>…/web/20230518093012/https://site/a</c> or
    /// <c>…/20230518093012id_/site/a</c> → <c>https://site/a</c>); null for any other URL.
    /// A replay's path holds a capture time of 4 to 14 digits, perhaps with a two-letter mode
    /// (<c>id_</c>, <c>im_</c>), and then the archived address with its scheme; without one only
    /// after a whole 14-digit time, so a site's own <c>/2023/v1.2/</c> is not taken for one.</summary>
    public static string? Original(string? url)
    {
        if (url == null || !url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return null;
        int path = url.IndexOf('/', url.IndexOf("//", StringComparison.Ordinal) + 2);
        for (int slash = path; slash >= 0 && slash + 1 < url.Length; slash = url.IndexOf('/', slash + 1))
        {
            int digits = 0;
            while (slash + 1 + digits < url.Length && char.IsAsciiDigit(url[slash + 1 + digits]))
                digits++;
            if (digits is < 4 or > 14)
                continue;
            int end = slash + 1 + digits;
            if (end + 3 <= url.Length && char.IsAsciiLetterLower(url[end]) && char.IsAsciiLetterLower(url[end + 1]) && url[end + 2] == '_')
                end += 3;
            if (end < url.Length && url[end] == '/' && Address(url[(end + 1)..], schemeless: digits == 14) is { } original)
                return original;
        }
        return null;
    }

    /// <summary>The archived address the Wayback toolbar names (its URL box), for a page whose
    /// own links were not kept.</summary>
    public static string? FromToolbar(IDocument document) =>
        document.QuerySelector("#wm-ipp-base #wmtbURL, #wm-ipp #wmtbURL")?.GetAttribute("value") is { } shown ? Address(shown, schemeless: true) : null;

    /// <summary>Takes the replay's toolbar out of the page; whether there was one.</summary>
    public static bool RemoveToolbar(IDocument document)
    {
        var toolbars = document.QuerySelectorAll(Toolbars).ToList();
        foreach (IElement toolbar in toolbars)
            toolbar.Remove();
        return toolbars.Count > 0;
    }

    /// <summary>An archived address as absolute http(s) (a replay may drop one of the scheme's
    /// slashes, <c>https:/site/a</c>, or, when <paramref name="schemeless"/>, the scheme).</summary>
    private static string? Address(string archived, bool schemeless)
    {
        string s = archived.Trim();
        if (!schemeless && !s.StartsWith("http:/", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("https:/", StringComparison.OrdinalIgnoreCase))
            return null;
        if (s.StartsWith("http:/", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            s = "http://" + s[6..];
        else if (s.StartsWith("https:/", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            s = "https://" + s[7..];
        else if (!s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            s = "http://" + s;
        return PageMetadata.AbsoluteHttp(s) is { } url && UrlParts.Domain(url) is { } domain && domain.Contains('.', StringComparison.Ordinal) ? url : null;
    }
}
