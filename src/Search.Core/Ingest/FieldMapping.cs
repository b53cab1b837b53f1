namespace Search.Core.Ingest;

/// <summary>The article fields a CSV column or JSON property can fill.</summary>
public enum ArticleField { Id, Title, Body, Url, Author, Source, Published, Section, Tags, Places, Language, Summary }

/// <summary>
/// Maps CSV column / JSON property names to article fields, case-insensitively, and fills
/// articles from structured records. Shared by <see cref="CsvArticleReader"/> and
/// <see cref="JsonLinesArticleReader"/> so both accept the same names. Unknown names are ignored.
/// When two names map to the same single-valued field (say "text" and "body"), the first non-empty
/// value wins (for the date, the first that is a date); list fields (tags, places) collect from all of them.
/// </summary>
public static partial class FieldMapping
{
    /// <summary>Names as they are compared: case aside, and without the '_', '-', '.' and spaces
    /// that separate their words (<c>published_at</c>, <c>publishedAt</c> and <c>Published At</c> are
    /// one name). Besides the plain names, those of the exports a newsroom meets: schema.org JSON-LD
    /// (<c>datePublished</c>, <c>articleBody</c>, <c>articleSection</c>), news APIs (<c>publishedAt</c>,
    /// <c>webTitle</c>, <c>webUrl</c>, <c>webPublicationDate</c>, <c>sectionName</c>, <c>pub_date</c>,
    /// <c>web_url</c>, <c>section_name</c>) and scrapers (<c>maintext</c>, <c>date_publish</c>,
    /// <c>publish_date</c>, <c>source_domain</c>) and WordPress (<c>post_title</c>, <c>post_content</c>,
    /// <c>post_date</c>, <c>post_excerpt</c>; its API's <c>{"rendered": …}</c> objects, <see cref="JsonRecord"/>). A summary (<c>description</c>, <c>abstract</c>,
    /// <c>lead_paragraph</c>, <c>trailText</c>, <c>standfirst</c>…) is the body only of a record that
    /// has none, wherever it comes in the record.</summary>
    private static readonly Dictionary<string, ArticleField> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = ArticleField.Id,
        ["title"] = ArticleField.Title, ["headline"] = ArticleField.Title, ["webtitle"] = ArticleField.Title,
        ["body"] = ArticleField.Body, ["text"] = ArticleField.Body, ["content"] = ArticleField.Body, ["article"] = ArticleField.Body,
        ["articlebody"] = ArticleField.Body, ["maintext"] = ArticleField.Body, ["fulltext"] = ArticleField.Body, ["bodytext"] = ArticleField.Body,
        ["url"] = ArticleField.Url, ["link"] = ArticleField.Url, ["weburl"] = ArticleField.Url, ["canonicalurl"] = ArticleField.Url,
        ["author"] = ArticleField.Author, ["byline"] = ArticleField.Author, ["authors"] = ArticleField.Author, ["creator"] = ArticleField.Author,
        ["source"] = ArticleField.Source, ["site"] = ArticleField.Source, ["publisher"] = ArticleField.Source,
        ["sourcename"] = ArticleField.Source, ["sourcedomain"] = ArticleField.Source, ["sitename"] = ArticleField.Source, ["outlet"] = ArticleField.Source,
        ["published"] = ArticleField.Published, ["date"] = ArticleField.Published, ["pubdate"] = ArticleField.Published,
        ["datetime"] = ArticleField.Published, ["publishedat"] = ArticleField.Published, ["datepublished"] = ArticleField.Published,
        ["publisheddate"] = ArticleField.Published, ["publishdate"] = ArticleField.Published, ["datepublish"] = ArticleField.Published,
        ["publicationdate"] = ArticleField.Published, ["webpublicationdate"] = ArticleField.Published,
        ["section"] = ArticleField.Section, ["category"] = ArticleField.Section, ["sectionname"] = ArticleField.Section,
        ["articlesection"] = ArticleField.Section,
        ["tags"] = ArticleField.Tags, ["keywords"] = ArticleField.Tags, ["topics"] = ArticleField.Tags, ["subjects"] = ArticleField.Tags,
        ["places"] = ArticleField.Places, ["country"] = ArticleField.Places, ["countries"] = ArticleField.Places,
        ["language"] = ArticleField.Language, ["lang"] = ArticleField.Language, ["inlanguage"] = ArticleField.Language,
        ["description"] = ArticleField.Summary, ["abstract"] = ArticleField.Summary, ["summary"] = ArticleField.Summary,
        ["leadparagraph"] = ArticleField.Summary, ["trailtext"] = ArticleField.Summary, ["standfirst"] = ArticleField.Summary,
        ["excerpt"] = ArticleField.Summary, ["teaser"] = ArticleField.Summary,
        // WordPress's export and database columns (post_title, post_content, post_date, post_excerpt).
        ["posttitle"] = ArticleField.Title, ["postcontent"] = ArticleField.Body, ["postdate"] = ArticleField.Published,
        ["postexcerpt"] = ArticleField.Summary,
        // The same columns as newsrooms and archives name them in German, French, Spanish, Italian,
        // Portuguese, Dutch and Russian exports. Not Italian and Portuguese "data" (date): in English
        // it is the container of an API response.
        ["titel"] = ArticleField.Title, ["überschrift"] = ArticleField.Title, ["schlagzeile"] = ArticleField.Title,
        ["titre"] = ArticleField.Title, ["título"] = ArticleField.Title, ["titulo"] = ArticleField.Title,
        ["titular"] = ArticleField.Title, ["titolo"] = ArticleField.Title, ["заголовок"] = ArticleField.Title,
        ["inhalt"] = ArticleField.Body, ["artikeltext"] = ArticleField.Body, ["texte"] = ArticleField.Body,
        ["contenu"] = ArticleField.Body, ["texto"] = ArticleField.Body, ["cuerpo"] = ArticleField.Body,
        ["contenido"] = ArticleField.Body, ["testo"] = ArticleField.Body, ["corpo"] = ArticleField.Body,
        ["tekst"] = ArticleField.Body, ["текст"] = ArticleField.Body,
        ["autor"] = ArticleField.Author, ["verfasser"] = ArticleField.Author, ["auteur"] = ArticleField.Author,
        ["autore"] = ArticleField.Author, ["автор"] = ArticleField.Author,
        ["quelle"] = ArticleField.Source, ["fuente"] = ArticleField.Source, ["fonte"] = ArticleField.Source,
        ["bron"] = ArticleField.Source, ["источник"] = ArticleField.Source,
        ["datum"] = ArticleField.Published, ["veröffentlicht"] = ArticleField.Published, ["fecha"] = ArticleField.Published,
        ["datepublication"] = ArticleField.Published, ["дата"] = ArticleField.Published,
        ["rubrik"] = ArticleField.Section, ["ressort"] = ArticleField.Section, ["kategorie"] = ArticleField.Section,
        ["rubrique"] = ArticleField.Section, ["catégorie"] = ArticleField.Section, ["sección"] = ArticleField.Section,
        ["seccion"] = ArticleField.Section, ["categoría"] = ArticleField.Section, ["sezione"] = ArticleField.Section,
        ["seção"] = ArticleField.Section, ["rubriek"] = ArticleField.Section, ["рубрика"] = ArticleField.Section,
        ["раздел"] = ArticleField.Section,
        ["schlagwörter"] = ArticleField.Tags, ["schlagworte"] = ArticleField.Tags, ["stichwörter"] = ArticleField.Tags,
        ["motsclés"] = ArticleField.Tags, ["motscles"] = ArticleField.Tags, ["etiquetas"] = ArticleField.Tags,
        ["теги"] = ArticleField.Tags,
        ["orte"] = ArticleField.Places, ["lieux"] = ArticleField.Places, ["lugares"] = ArticleField.Places,
        ["sprache"] = ArticleField.Language, ["langue"] = ArticleField.Language, ["idioma"] = ArticleField.Language,
        ["lingua"] = ArticleField.Language,
        ["zusammenfassung"] = ArticleField.Summary, ["beschreibung"] = ArticleField.Summary, ["résumé"] = ArticleField.Summary,
        ["chapô"] = ArticleField.Summary, ["chapeau"] = ArticleField.Summary, ["resumen"] = ArticleField.Summary,
        ["sommario"] = ArticleField.Summary, ["resumo"] = ArticleField.Summary, ["samenvatting"] = ArticleField.Summary,
        ["lien"] = ArticleField.Url, ["enlace"] = ArticleField.Url, ["ссылка"] = ArticleField.Url,
    };

    private static readonly Dictionary<string, ArticleField>.AlternateLookup<ReadOnlySpan<char>> SpanAliases =
        Aliases.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest name compared; longer ones are no field's.</summary>
    private const int MaxName = 64;

    /// <summary>The field a column/property name stands for (surrounding whitespace and word
    /// separators ignored, see <see cref="Aliases"/>).</summary>
    public static bool TryMap(ReadOnlySpan<char> name, out ArticleField field)
    {
        name = name.Trim();
        if (name.IndexOfAny("_-. ") < 0)
            return SpanAliases.TryGetValue(name, out field);
        field = default;
        if (name.Length > MaxName)
            return false;
        return SpanAliases.TryGetValue(Joined(name, stackalloc char[name.Length]), out field);
    }

    /// <summary>A name as it is compared: without the '_', '-', '.' and spaces between its words,
    /// written into <paramref name="buffer"/> (at least as long as the name).</summary>
    internal static ReadOnlySpan<char> Joined(ReadOnlySpan<char> name, Span<char> buffer)
    {
        int n = 0;
        foreach (char c in name)
            if (c is not ('_' or '-' or '.' or ' '))
                buffer[n++] = c;
        return buffer[..n];
    }

    /// <summary>Whether a field gives an article its text: title, body, or a summary standing for the body.</summary>
    public static bool IsText(ArticleField field) => field is ArticleField.Title or ArticleField.Body or ArticleField.Summary;

    /// <summary>Fields of a CSV header, null where a column is not mapped.</summary>
    public static ArticleField?[] MapHeader(IReadOnlyList<string> header)
    {
        var fields = new ArticleField?[header.Count];
        for (int i = 0; i < header.Count; i++)
            fields[i] = TryMap(header[i], out ArticleField f) ? f : null;
        return fields;
    }

    /// <summary>Sets a field from a text value. A list written into it (<see cref="ListLiteral"/>) is
    /// its items for tags, places and authors. Tags are comma-, semicolon- or bar-separated
    /// ("weather; storms", "a|b", as spreadsheets and CMS exports join them); places comma- or
    /// semicolon-separated.</summary>
    public static void Apply(Article article, ArticleField field, string value)
    {
        // A list saved into one cell (pandas' "['Jane Doe', 'John Roe']", a JSON array's text) is
        // its items, not text with brackets and quotes; "[]" is none.
        if (field is ArticleField.Tags or ArticleField.Places or ArticleField.Author && ListLiteral.TryRead(value) is { } items)
        {
            ApplyList(article, field, items);
            return;
        }
        switch (field)
        {
            case ArticleField.Tags:
                AddSplit(article.Tags, value, [',', ';', '|']);
                break;
            case ArticleField.Places:
                AddSplit(article.Places, value, [',', ';']);
                break;
            default:
                SetIfEmpty(article, field, value);
                break;
        }
    }

    /// <summary>
    /// Sets a field from a list of values (a JSON array): tags and places take each item;
    /// authors are joined "A, B"; body items are paragraphs; other fields take the first non-empty item.
    /// </summary>
    public static void ApplyList(Article article, ArticleField field, IReadOnlyList<string> values)
    {
        switch (field)
        {
            case ArticleField.Tags:
            case ArticleField.Places:
                var list = field == ArticleField.Tags ? article.Tags : article.Places;
                foreach (string v in values)
                    if (!string.IsNullOrWhiteSpace(v))
                        list.Add(v.Trim());
                break;
            case ArticleField.Author:
                SetIfEmpty(article, field, string.Join(", ", values.Select(v => v.Trim()).Where(v => v.Length > 0)));
                break;
            case ArticleField.Body:
                SetIfEmpty(article, field, string.Join("\n\n", values));
                break;
            default:
                foreach (string v in values)
                    if (!string.IsNullOrWhiteSpace(v))
                    {
                        SetIfEmpty(article, field, v);
                        break;
                    }
                break;
        }
    }

    /// <summary>
    /// Finishes a structured record: whitespace in title and body normalised (body paragraphs as
    /// in text files), id (own, else <c>RelativePath#record</c>), file, record and line set.
    /// Returns the reason to skip the record, or null when it is an article.
    /// </summary>
    public static string? Complete(Article article, SourceFile file, int record, int line)
    {
        article.Title = ParagraphText.CollapseWhitespace(article.Title);
        TakeSummaryWithoutBody(article);
        article.Body = ParagraphText.Normalize(article.Body);
        if (article.Title.Length == 0 && article.Body.Length == 0)
            return "no title or body";
        if (article.Id.Length == 0)
            article.Id = $"{file.RelativePath}#{record}";
        article.File = file.RelativePath;
        article.Record = record;
        article.Line = line;
        return null;
    }

    /// <summary>A record's title without the site name a scraper kept from the page's
    /// <c>&lt;title&gt;</c> ("Markets rally | Reuters", "Storm hits coast - BBC News" beside the
    /// source "BBC News"), cut as a web page's is (<see cref="Html.Titles"/>): only a part that is the
    /// record's stated source or its URL's site, so a headline's own dash stays.</summary>
    internal static void CutSiteName(Article article)
    {
        if (article.Source != null || article.Url != null)
            article.Title = Html.Titles.WithoutSiteName(article.Title, article.Source, article.Url);
    }

    /// <summary>A record's summary as its body when it has none; never kept beside a body.</summary>
    internal static void TakeSummaryWithoutBody(Article article)
    {
        if (article.Body.Trim().Length == 0 && article.Summary != null)
            article.Body = article.Summary;
        article.Summary = null;
    }

    private static void SetIfEmpty(Article a, ArticleField field, string value)
    {
        string v = value.Trim();
        if (v.Length == 0)
            return;
        switch (field)
        {
            case ArticleField.Id when a.Id.Length == 0: a.Id = v; break;
            case ArticleField.Title when a.Title.Length == 0: a.Title = v; break;
            case ArticleField.Body when a.Body.Length == 0: a.Body = value; break;
            case ArticleField.Url: a.Url ??= v; break;
            case ArticleField.Author: a.Author ??= ByPrefix().Replace(NameOfAddress(v), ""); break;
            case ArticleField.Source: a.Source ??= v; break;
            case ArticleField.Published when a.Published == null || IsDate(v) && !IsDate(a.Published): a.Published = v; break;
            case ArticleField.Section: a.Section ??= v; break;
            case ArticleField.Language: a.Language ??= v; break;
            case ArticleField.Summary: a.Summary ??= value; break;
        }
    }

    /// <summary>Whether a stated date is one, or one a <see cref="DateOrder"/> reads: of two date
    /// fields, the first that is wins over one that is not ("3 hours ago" beside an ISO
    /// <c>published_at</c>, WordPress's <c>0000-00-00 00:00:00</c> of a post never scheduled).</summary>
    private static bool IsDate(string value) => DateParsing.ToIsoDate(value) != null || DateParsing.IsAmbiguous(value);

    private static void AddSplit(List<string> list, string value, char[] separators)
    {
        foreach (string part in value.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            list.Add(part);
    }

    /// <summary>The name an author written as a mail address gives: RSS's <c>jane@example.com (Jane
    /// Doe)</c> and mail's <c>Jane Doe &lt;jane@example.com&gt;</c> are Jane Doe; a bare address stays.</summary>
    private static string NameOfAddress(string author)
    {
        var match = AddressWithName().Match(author);
        return match.Success ? (match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value).Trim() : author;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[^\s@()<>]+@[^\s@()<>]+\s*\((?<a>[^()@]*\p{L}[^()@]*)\)|""?(?<b>[^<>@""]*\p{L}[^<>@""]*?)""?\s*<[^\s@<>]+@[^\s@<>]+>)$")]
    private static partial System.Text.RegularExpressions.Regex AddressWithName();

    /// <summary>The "By " a byline field keeps from the page ("By Jane Doe", the New York Times'
    /// <c>byline.original</c>; German "Von", French "Par", Spanish and Portuguese "Por", Dutch
    /// "Door"): not part of the name. Not German "von" before "der", "dem" or "den", which begins a
    /// name ("von der Leyen").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:written\s+)?by|Von(?!\s+(?:der|dem|den)\b)|Par|Por|Door):?\s+(?=\p{L})", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ByPrefix();
}
