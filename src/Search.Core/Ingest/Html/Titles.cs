namespace Search.Core.Ingest.Html;

/// <summary>Removes the site name pages add to their titles: "Headline | Site", "Site | Headline". Only a part that is the site's name (or its domain's name) is cut, so a
/// headline with a dash in it stays whole.</summary>
public static class Titles
{
    /// <summary>Separators after which any form of the site's name is cut.</summary>
    private static readonly string[] Separators = [" | ", " :: ", " · ", " • ", " « ", " » ", " // "];

    /// <summary>Headlines use dashes themselves ("Hong Kong - the long view"), so after (or before)
    /// a dash only the site's exact name or domain name is cut ("… - Breitbart", "… – Mensagens de
    /// Reflexão").</summary>
    private static readonly string[] ExactSeparators = [" - ", " – ", " — "];

    public static string WithoutSiteName(string title, string? siteName, string? url)
    {
        string? domainName = DomainName(url);
        if (WithoutSite(title, Separators, part => IsSite(part, siteName, domainName)) is { } cut)
            return WithoutSection(cut);
        return WithoutSite(title, ExactSeparators, part => IsExactlySite(part, siteName, domainName)) ?? title;
    }

    /// <summary>"Headline | Business" once " | Site" is cut from "Headline | Business | Site": the
    /// section the site puts between them, a label of at most <see cref="MaxSectionWords"/> words
    /// after a headline of at least <see cref="MinHeadlineWords"/> + 1. Only after the site's name
    /// was cut (here, or by Readability, which keeps what comes before the last separator), so that
    /// a title of that shape is known to be the site's template.</summary>
    private static string WithoutSection(string title)
    {
        foreach (string sep in Separators)
        {
            int last = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (last > 0 && Words(title[(last + sep.Length)..]) <= MaxSectionWords && Words(title[..last]) > MinHeadlineWords)
                return title[..last].TrimEnd();
        }
        return title;
    }

    private const int MaxSectionWords = 3;

    /// <summary>Whether the whole title is only the site's name (a template's title on every page).</summary>
    public static bool IsOnlySiteName(string title, string? siteName, string? url)
    {
        string t = Squash(title);
        return t.Length > 0 && (t == Squash(siteName ?? "") || t == DomainName(url) || t == Squash(UrlParts.Domain(url) ?? ""));
    }

    /// <summary>The title without the part after one of <paramref name="separators"/> (its last) or
    /// before it (its first) when that part is the site's name; null when no part is.</summary>
    private static string? WithoutSite(string title, string[] separators, Func<string, bool> isSite)
    {
        foreach (string sep in separators)
        {
            int last = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (last > 0 && isSite(title[(last + sep.Length)..]))
                return title[..last].TrimEnd();
            int first = title.IndexOf(sep, StringComparison.Ordinal);
            if (first > 0 && isSite(title[..first]))
                return title[(first + sep.Length)..].TrimStart();
        }
        return null;
    }

    /// <summary>The page's own headline (its <c>&lt;h1&gt;</c>) when the title is that headline
    /// plus a short part after or before a separator ("Council shuts the pool - Town News"): the
    /// site's name in a form it does not state anywhere else. Only when the headline is exactly one
    /// side and the other side is at most <see cref="MaxSuffixWords"/> words.</summary>
    public static string PreferHeadline(string title, string? headline)
    {
        if (string.IsNullOrWhiteSpace(headline) || headline.Length >= title.Length)
            return title;
        string h = ParagraphText.CollapseWhitespace(headline);
        if (h.Split(' ').Length < MinHeadlineWords)
            return title;
        foreach (string sep in Separators.Concat(ExactSeparators).Append(": "))
        {
            if (title.StartsWith(h + sep, StringComparison.OrdinalIgnoreCase) && Words(title[(h.Length + sep.Length)..]) <= MaxSuffixWords)
                return h;
            if (title.EndsWith(sep + h, StringComparison.OrdinalIgnoreCase) && Words(title[..^(h.Length + sep.Length)]) <= MaxSuffixWords)
                return h;
        }
        return title;
    }

    private const int MinHeadlineWords = 3, MaxSuffixWords = 4;

    private static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool IsExactlySite(string part, string? siteName, string? domainName)
    {
        string p = Squash(part);
        return p.Length >= 2 && (p == Squash(siteName ?? "") || p == domainName || p == Squash(UrlParts.StripWww(siteName ?? "")));
    }

    /// <summary>Whether <paramref name="part"/> names the site: its stated name (or the start of
    /// it) or its domain's name.</summary>
    public static bool IsSiteName(string part, string? siteName, string? url) => IsSite(part, siteName, DomainName(url));

    private static bool IsSite(string part, string? siteName, string? domainName)
    {
        string p = Squash(part);
        if (p.Length == 0)
            return false;
        if (siteName != null && Squash(siteName) is { Length: > 0 } s && (p == s || (p.Length >= 3 && s.StartsWith(p, StringComparison.Ordinal)) || (s.Length >= 3 && p.StartsWith(s, StringComparison.Ordinal) && p.Length <= s.Length + 8)))
            return true;
        return domainName != null && domainName.Length >= 3 && (p == domainName || p.StartsWith(domainName, StringComparison.Ordinal) && p.Length <= domainName.Length + 8);
    }

    /// <summary>"https://www.nytimes.com/..." → "nytimes".</summary>
    internal static string? DomainName(string? url)
    {
        string? domain = UrlParts.Domain(url);
        if (domain == null)
            return null;
        string[] labels = domain.Split('.');
        return Squash(labels.Length >= 2 ? labels[^2] is "co" or "com" && labels.Length >= 3 ? labels[^3] : labels[^2] : labels[0]);
    }

    private static string Squash(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
