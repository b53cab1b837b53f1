namespace Search.Core.Ingest.Html;

/// <summary>
/// A page's section as a reader sees it on the page: a short label ("Business", "Opinion").
/// Pages put other things in their section tags: keyword lists ("Calendario Stock Car, Stock Car,
/// stock car 2018, …"), a breadcrumb of labels ("Smart News, Smart News Science"), their own domain
/// ("gizmodo.com"). A list gives its first label when that is short; a domain, a URL or a long text
/// gives no section.
/// </summary>
public static partial class Sections
{
    /// <summary>Longest label kept: section names are a few words.</summary>
    private const int MaxLength = 40;

    private const int MaxWords = 5;

    /// <summary>A list of more labels than this, separated by commas, is keywords: a breadcrumb
    /// or a section with its parent has two or three.</summary>
    private const int MaxListLabels = 3;

    public static string? Label(string? raw)
    {
        string? s = PageMetadata.Clean(raw);
        if (s == null)
            return null;
        string[] parts = s.Split([",", ";", ">", "»", "/", " - ", " – ", " — ", " | "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || (parts.Length > 1 && s.Length > 2 * MaxLength))
            return null; // a keyword list, not a section
        if (s.Split(',').Length > MaxListLabels)
            return null; // "port, shipping, expansion, regulators, business": keywords, however short
        // A breadcrumb's first label is often the site's home ("Home > News > Business"); a file
        // name ("index.php") is where the page sits, not what it is about.
        string label = parts.FirstOrDefault(p => !NotSections.Contains(p) && !FileName().IsMatch(p)) ?? parts[0];
        if (label.Length > MaxLength || label.Split(' ').Length > MaxWords || !label.Any(char.IsLetter))
            return null;
        if (label.Contains("://", StringComparison.Ordinal) || Domain().IsMatch(label))
            return null; // a URL or a domain ("gizmodo.com"); "U.S." stays
        return NotSections.Contains(label) ? null : label;
    }

    /// <summary>What content management systems put where a section goes: the kind of page ("post",
    /// "articles"), the catch-all category ("All", "Uncategorized"): labels no reader files a story under.</summary>
    private static readonly HashSet<string> NotSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "post", "posts", "article", "articles", "page", "pages", "story", "stories", "entry", "entries", "item", "node",
        "content", "default", "all", "home", "index", "uncategorized", "uncategorised", "sin categoría", "non classé",
        "html", "htm", "xhtml", "php", "asp", "aspx", "amp", "www", "main", "homepage", "start", "startseite", "accueil", "inicio",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\S+\.(?:html?|php\d?|aspx?|jsp|cfm|shtml)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FileName();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[A-Za-z]{2,}$")]
    private static partial System.Text.RegularExpressions.Regex Domain();
}
