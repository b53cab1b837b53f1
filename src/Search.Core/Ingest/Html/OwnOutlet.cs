namespace Search.Core.Ingest.Html;

/// <summary>
/// The names the page's own outlet goes by: its stated site names (<c>og:site_name</c>, JSON-LD
/// <c>publisher</c>, <c>application-name</c>, Readability's site name), its domain's name, and
/// the values of site-wide meta tags (<c>generator</c>, <c>copyright</c>, <c>publisher</c>).
/// A byline that is only one of these names the outlet, not who wrote the story: the article's
/// source field already names the outlet, so it is not an author (issue 22) unless it is a news
/// agency, which tells where the copy came from.
/// </summary>
public sealed class OwnOutlet
{
    /// <summary>Words that make a name an outlet's or one of its desks' without naming anyone:
    /// "Telegraph Sport", "News Nation Bureau", "India Post News Weekly", "Detroit News wire services".</summary>
    private static readonly HashSet<string> OutletWords = new(StringComparer.Ordinal)
    {
        "the", "news", "daily", "weekly", "online", "magazine", "blog", "staff", "bureau", "desk", "sport", "sports", "team",
        "editorial", "editors", "newsroom", "wire", "wires", "service", "services", "digital", "network", "media",
        "com", "net", "org", "co", "uk",
    };

    /// <summary>Meta tags about the whole site: who made or publishes it. A meta author equal to
    /// one of these is the site's signature on every page ("PMJS - Coordenadoria de TI", also the
    /// page's generator), not the story's author. A list of such keys rather than "every other
    /// meta tag": pages also put the article's column or desk in meta tags (the New York Times'
    /// <c>CN</c> is the columnist's name). Not <c>copyright</c> or <c>owner</c>: on a personal
    /// site the holder is the person who writes it.</summary>
    private static readonly string[] SiteWideKeys =
    [
        "generator", "publisher", "dc.publisher", "dcterms.publisher", "organization", "company", "designer", "web_author",
        "application-name", "apple-mobile-web-app-title", "msapplication-tooltip", "twitter:site", "og:site_name",
    ];

    private readonly List<string> _siteNames = [];
    private readonly HashSet<string> _siteWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _siteWide = new(StringComparer.Ordinal);
    private readonly string? _url, _domainName;

    private OwnOutlet(string? url)
    {
        _url = url;
        _domainName = Titles.DomainName(url);
    }

    /// <summary>The outlet of a page, from its meta tags, JSON-LD publisher and URL.</summary>
    public static OwnOutlet Read(MetaTags meta, JsonLdArticle? ld, string? url)
    {
        var outlet = new OwnOutlet(url);
        foreach (string name in meta.All("og:site_name", "application-name", "al:ios:app_name", "twitter:app:name:iphone"))
            outlet.Add(name);
        outlet.Add(ld?.Publisher);
        foreach (string value in meta.All(SiteWideKeys))
            outlet._siteWide.Add(NewsAgencies.Squash(value));
        outlet._siteWide.Remove("");
        return outlet;
    }

    /// <summary>Adds a stated name of the site (Readability's site name).</summary>
    public OwnOutlet Add(string? siteName)
    {
        if (string.IsNullOrWhiteSpace(siteName))
            return this;
        _siteNames.Add(siteName);
        // "LinkNaija | Nigeria's popular news platform": each part is a form of the name.
        foreach (string part in siteName.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (part != siteName)
                _siteNames.Add(part);
        _siteWords.UnionWith(Words(siteName));
        return this;
    }

    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", ": ", " · ", " • "];

    /// <summary>Whether <paramref name="name"/>, a whole byline, names this page's outlet (or one
    /// of its desks): a stated site name, a part of one, or its leading words ("Al Jazeera" on Al
    /// Jazeera English); the domain's name; a one-word short form of 5+ letters the domain starts
    /// with ("Beachbody" on beachbodyondemand.com, "Vortex" on vortexcannon.org); the site name's
    /// own words plus outlet words ("Telegraph Sport" on The Telegraph); or a site-wide meta value.
    /// Compared word by word, not by letters: a person's name may begin with a short site name's
    /// letters ("Skylar Brown" on Sky, "Mick Jones" on Mic).</summary>
    public bool Names(string name)
    {
        string s = NewsAgencies.Squash(name);
        if (s.Length == 0)
            return false;
        if (_siteWide.Contains(s) || s == _domainName || _siteNames.Any(site => NewsAgencies.Squash(site) == s))
            return true;
        string[] all = Words(name).ToArray();
        if (_siteNames.Any(site => Words(site).Take(all.Length).SequenceEqual(all, StringComparer.Ordinal)))
            return true;
        string[] words = all.Where(w => !OutletWords.Contains(w)).ToArray();
        if (words.Length == 0)
            return false;
        if (words.All(_siteWords.Contains))
            return true;
        string joined = string.Concat(words);
        return _domainName is { } domain && (joined == domain || (words.Length == 1 && joined.Length >= 5 && domain.StartsWith(joined, StringComparison.Ordinal)));
    }

    /// <summary>Whether <paramref name="part"/>, after the names in a byline ("Jill Disis, CNN
    /// Business"), names the outlet: as <see cref="Names"/>, or beginning with the site's or the
    /// domain's name (<see cref="Titles.IsSiteName"/>); after a person's name, a part that begins
    /// with the outlet's name is the outlet's desk.</summary>
    public bool EndsWith(string part) =>
        Names(part) || (_siteNames.Count == 0 ? Titles.IsSiteName(part, null, _url) : _siteNames.Any(site => Titles.IsSiteName(part, site, _url)));

    private static IEnumerable<string> Words(string s) =>
        s.Split((char[])[' ', '.', ',', '|', '-', '–', '—', ':', '·', '•', '/', '\'', '’', '(', ')', '&'], StringSplitOptions.RemoveEmptyEntries)
            .Select(NewsAgencies.Squash).Where(w => w.Length > 0);
}
