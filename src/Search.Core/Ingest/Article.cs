namespace Search.Core.Ingest;

/// <summary>
/// One news article as read from a file, before and after enrichment. Readers fill what the input
/// states; <see cref="Enrich.ArticleEnricher"/> derives the rest (source from URL, date from URL or
/// dateline, section from folder, cited domains, places). Lists are never null.
/// </summary>
public sealed class Article
{
    /// <summary>Stable article id: the record's own id, else the file path relative to the indexed
    /// root, plus <c>#N</c> (record number, 1-based) for files that hold many articles.</summary>
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Url { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }

    /// <summary>ISO date <c>yyyy-MM-dd</c>, or null when the input gives none (never invented).</summary>
    public string? Published { get; set; }
    public string? Section { get; set; }

    /// <summary>Language: as the input states it (a web page's <c>lang</c>, e.g. <c>en-GB</c>; a
    /// <c>language</c> column), then, after enrichment, the ISO 639-1 code of the stated one or else
    /// of the detected one (<see cref="Enrich.Languages.LanguageDetector"/>), <c>und</c> when
    /// neither says.</summary>
    public string? Language { get; set; }

    public List<string> Tags { get; set; } = new();
    public List<string> Places { get; set; } = new();

    /// <summary>Domains of other URLs found in the article (cited sources), e.g. <c>gov.kz</c>.</summary>
    public List<string> Links { get; set; } = new();

    /// <summary>Full URLs found on their own lines that are not the article or author page.</summary>
    public List<string> LinkUrls { get; set; } = new();

    /// <summary>"Related article: ..." headlines, kept out of the body.</summary>
    public List<string> Related { get; set; } = new();

    /// <summary>Author page URL, e.g. https://www.themoscowtimes.com/author/afp-2 (text files).</summary>
    public string? AuthorUrl { get; set; }

    /// <summary>Path of the file relative to the indexed root, with '/' separators.</summary>
    public string File { get; set; } = "";

    /// <summary>Absolute path of the original file (set when an article is read back from the index).</summary>
    public string? FullPath { get; set; }

    /// <summary>1-based record number inside a multi-article file (CSV row, JSONL line); null for
    /// single-article files.</summary>
    public int? Record { get; set; }

    /// <summary>Line in the file where the record starts (1-based), for error messages.</summary>
    public int Line { get; set; }

    /// <summary>A structured record's summary (description, abstract, lead paragraph), read only
    /// as its body when it has none (<see cref="FieldMapping.Complete"/>); never indexed itself.</summary>
    internal string? Summary { get; set; }

    /// <summary>The one article of a file that holds one (a web page, a PDF): keyed by the file's
    /// path; without a title of its own, titled by the first words of its body.</summary>
    internal static Article WholeFile(SourceFile file, string title, string body) => new()
    {
        Id = file.RelativePath,
        File = file.RelativePath,
        Line = 1,
        Title = title.Length > 0 ? title : TextArticleReader.Excerpt(body, TextArticleReader.ExcerptTitleLength),
        Body = body,
    };
}
