namespace Search.Core.Ingest;

/// <summary>
/// Small, allocation-light helpers for the URLs found in articles: recognising a URL on a line of
/// its own, domains for <see cref="Ingest.Article.Source"/> / <see cref="Ingest.Article.Links"/>,
/// author pages (<c>/author/afp-2</c>) and article-like paths.
/// </summary>
public static class UrlParts
{
    /// <summary>Whether a (trimmed) line is nothing but an http(s) URL.</summary>
    public static bool IsStandaloneUrl(ReadOnlySpan<char> line) =>
        (line.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || line.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && line.Length > 8
        && !line.ContainsAny(' ', '\t');

    /// <summary>Lower-case host without a leading <c>www.</c>, e.g. <c>themoscowtimes.com</c>; null
    /// when <paramref name="url"/> is not an absolute http(s) URL.</summary>
    public static string? Domain(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            return null;
        return StripWww(uri.Host.ToLowerInvariant());
    }

    /// <summary><c>www.bbc.co.uk</c> → <c>bbc.co.uk</c>.</summary>
    public static string StripWww(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    /// <summary>Same site: equal domains, or one a subdomain of the other (<c>edition.cnn.com</c>, <c>cnn.com</c>).</summary>
    public static bool SameSite(string? a, string? b) =>
        a != null && b != null
        && (a == b || a.EndsWith("." + b, StringComparison.Ordinal) || b.EndsWith("." + a, StringComparison.Ordinal));

    /// <summary>Recognises an author page, <c>https://site/author/&lt;slug&gt;</c> (also <c>/authors/</c>),
    /// and returns the slug.</summary>
    public static bool TryAuthorSlug(string url, out string slug)
    {
        slug = "";
        var segments = PathSegments(url);
        for (int i = 0; i + 1 < segments.Count; i++)
        {
            if (segments[i].Equals("author", StringComparison.OrdinalIgnoreCase) || segments[i].Equals("authors", StringComparison.OrdinalIgnoreCase))
            {
                slug = segments[i + 1];
                return slug.Length > 0;
            }
        }
        return false;
    }

    /// <summary>
    /// A display name from an author slug: trailing <c>-digits</c> (CMS de-duplication) are dropped;
    /// a one-word slug of up to 3 letters is an agency acronym (<c>afp</c> → AFP, <c>ap</c> → AP);
    /// otherwise each word is capitalised (<c>anna-petrova</c> → Anna Petrova, <c>reuters</c> → Reuters).
    /// </summary>
    public static string AuthorNameFromSlug(string slug)
    {
        string s = Uri.UnescapeDataString(slug).Trim('-', '_', ' ');
        int cut = s.Length;
        while (cut > 0 && char.IsAsciiDigit(s[cut - 1]))
            cut--;
        if (cut > 0 && cut < s.Length && s[cut - 1] == '-')
            s = s[..(cut - 1)];
        string[] words = s.Split(['-', '_', '+'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && words[0].Length <= 3)
            return words[0].ToUpperInvariant();
        for (int i = 0; i < words.Length; i++)
            words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..].ToLowerInvariant();
        return string.Join(' ', words);
    }

    /// <summary>
    /// Whether the URL's path looks like an article rather than a home or section page: it has at
    /// least two path segments, or a slug-like segment (with '-' or '_', or 8+ characters).
    /// </summary>
    public static bool LooksLikeArticle(string url)
    {
        var segments = PathSegments(url);
        if (segments.Count >= 2)
            return true;
        return segments.Count == 1 && (segments[0].Contains('-') || segments[0].Contains('_') || segments[0].Length >= 8);
    }

    /// <summary>The non-empty '/'-separated segments of the URL's path (no query or fragment).</summary>
    public static List<string> PathSegments(string url)
    {
        var result = new List<string>();
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
            return result;
        int start = url.IndexOf('/', scheme + 3);
        if (start < 0)
            return result;
        int end = url.IndexOfAny(['?', '#'], start);
        foreach (string segment in url[start..(end < 0 ? url.Length : end)].Split('/', StringSplitOptions.RemoveEmptyEntries))
            result.Add(segment);
        return result;
    }
}
