
namespace Search.Core.Ingest;

/// <summary>
/// Reads one article per plain-text file (.txt, .text), as produced by PDF/web extraction
/// (the seed article, make-corpus.py's txt output) or the BBC corpus layout.
/// <para>Layout understood:</para>
/// <list type="bullet">
/// <item>Title: the first text line, plus up to two continuation lines when a long title was
/// wrapped (see <see cref="IsTitleContinuation"/>). A first line longer than
/// <see cref="MaxTitleLength"/> is not a title: the whole text is body and the title is the start
/// of the body, cut at a word and marked with "…".</item>
/// <item>Metadata in lines of their own (<see cref="TextPreamble"/>): a header of <c>Key: value</c>
/// lines at the top ("Title:", "Author:", "Date:", "Section:"…) or under the title, a byline
/// ("By …") and a date line under the title, a date line above it. They fill the article's fields
/// and are neither title nor body.</item>
/// <item>Body: the remaining lines rebuilt into paragraphs by <see cref="ParagraphText"/>.</item>
/// <item>URLs alone on a line are metadata, never body: an author page
/// (<c>/author/afp-2</c>) gives <see cref="Article.Author"/> and <see cref="Article.AuthorUrl"/>;
/// the article URL is an article-like URL on the author page's site or, without an author page,
/// an article-like URL before the title or after the last text line; every other URL is a cited
/// link (<see cref="Article.LinkUrls"/>). The seed's gov.kz URL is on another site than its author
/// page, so it is a link, not the article URL.</item>
/// <item>"Related article: headline" lines go to <see cref="Article.Related"/>.</item>
/// </list>
/// </summary>
public sealed class TextArticleReader : IArticleReader
{
    /// <summary>A first line longer than this is body text, not a title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>A wrapped title's continuation lines are at most this long.</summary>
    private const int MaxTitleContinuationLength = 80;

    /// <summary>A title line at least this long may have been wrapped by a 60-column fill.</summary>
    private const int MinWrappedTitleLineLength = 50;

    private const int MaxTitleLines = 3;

    /// <summary>Length of the title made from the body when the file has no title line.</summary>
    internal const int ExcerptTitleLength = 100;

    private enum LineKind : byte { Blank, Text, Url, Related }

    public string Format => "text";

    /// <summary>A <c>.txt</c> or <c>.text</c> file, unless it is a table of articles saved as text
    /// (<see cref="CsvArticleReader.IsTabSeparatedTable"/>) or a mailing list's archive
    /// (<see cref="Mail.MboxArticleReader.IsMailingListArchive"/>).</summary>
    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".txt" or ".text" && !CsvArticleReader.IsTabSeparatedTable(head) && !Mail.MboxArticleReader.IsMailingListArchive(extension, head);

    public IEnumerable<ReadItem> Read(SourceFile file)
    {
        string text = TextDecoding.ReadAllText(file, out TextSniff sniff);
        return sniff.Kind == TextKind.Binary
            ? [ReadItem.Skip(RecordProblem.WholeFile, "binary file")]
            : Read(file, text);
    }

    /// <summary>The article of a text file, or the articles of a news database's export
    /// (<see cref="Exports.NewsDatabaseExport"/>).</summary>
    public IEnumerable<ReadItem> Read(SourceFile file, string text)
    {
        var lines = Lines(text);
        return Exports.NewsDatabaseExport.TryRead(lines, file) ?? [Parse(lines, file)];
    }

    /// <summary>A text's lines, trailing spaces trimmed: what the readers of line-laid text work on.</summary>
    internal static List<string> Lines(string text)
    {
        var lines = new List<string>();
        foreach (ReadOnlySpan<char> line in text.AsSpan().EnumerateLines())
            lines.Add(line.TrimEnd().ToString());
        return lines;
    }

    /// <summary>Parses the lines of one article file (trailing spaces trimmed).</summary>
    private static ReadItem Parse(List<string> lines, SourceFile file)
    {
        var kinds = new LineKind[lines.Count];
        int firstText = -1, lastText = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            kinds[i] = Classify(lines[i]);
            if (kinds[i] == LineKind.Text)
            {
                if (firstText < 0)
                    firstText = i;
                lastText = i;
            }
        }
        if (firstText < 0 && !Array.Exists(kinds, k => k != LineKind.Blank))
            return ReadItem.Skip(RecordProblem.WholeFile, "empty file");

        var article = new Article { Id = file.RelativePath, File = file.RelativePath, Line = 1 };
        ReadUrls(lines, kinds, firstText, lastText, article);

        // Metadata lines above the title (a header, a date), then the title lines, then the
        // metadata under the title (a header, a byline, a date line): TextPreamble.
        var metadata = new bool[lines.Count];
        int titleStart = firstText < 0 ? -1 : NextText(kinds, metadata, TextPreamble.ReadTop(lines, firstText, article, metadata));
        int titleEnd = titleStart;
        bool titleLine = titleStart >= 0 && article.Title.Length == 0 && lines[titleStart].AsSpan().Trim().Length <= MaxTitleLength;
        if (titleLine)
        {
            titleEnd = titleStart + 1;
            while (titleEnd - titleStart < MaxTitleLines && titleEnd < lines.Count && kinds[titleEnd] == LineKind.Text
                   && IsTitleContinuation(lines[titleEnd - 1], lines[titleEnd], titleEnd + 1 >= lines.Count || kinds[titleEnd + 1] != LineKind.Text))
                titleEnd++;
            if (titleEnd - titleStart > 1 && NextText(kinds, metadata, titleEnd) < 0)
                titleEnd = titleStart + 1; // lines that leave no text under them are not a wrapped title but the text
            var title = new ParagraphText();
            for (int i = titleStart; i < titleEnd; i++)
                title.AddLine(lines[i].AsSpan().TrimStart());
            article.Title = title.ToString();
            TextPreamble.ReadUnderTitle(lines, titleEnd, article, metadata);
        }

        // Body and related headlines.
        var body = new ParagraphText();
        for (int i = 0; i < lines.Count; i++)
        {
            if (titleLine && i >= titleStart && i < titleEnd)
                continue;
            switch (metadata[i] ? LineKind.Blank : kinds[i])
            {
                case LineKind.Text:
                    body.AddLine(lines[i]);
                    break;
                case LineKind.Related:
                    string headline = ParagraphText.CollapseWhitespace(lines[i][(lines[i].IndexOf(':') + 1)..]);
                    if (headline.Length > 0)
                        article.Related.Add(headline);
                    body.Break();
                    break;
                default:
                    body.Break();
                    break;
            }
        }
        article.Body = body.ToString();
        if (article.Title.Length == 0 && article.Body.Length > 0)
            article.Title = Excerpt(article.Body, ExcerptTitleLength);
        else
            article.Title = ParagraphText.CollapseWhitespace(article.Title);

        return article.Title.Length == 0 && article.Body.Length == 0
            ? ReadItem.Skip(1, "no title or body")
            : ReadItem.Of(article);
    }

    /// <summary>The first text line at or after <paramref name="from"/> that is not metadata; -1 if none.</summary>
    private static int NextText(LineKind[] kinds, bool[] metadata, int from)
    {
        for (int i = from; i < kinds.Length; i++)
            if (kinds[i] == LineKind.Text && !metadata[i])
                return i;
        return -1;
    }

    private static LineKind Classify(string line)
    {
        ReadOnlySpan<char> s = line.AsSpan().Trim();
        if (s.IsEmpty)
            return LineKind.Blank;
        if (UrlParts.IsStandaloneUrl(s))
            return LineKind.Url;
        if (s.StartsWith("Related article", StringComparison.OrdinalIgnoreCase)
            && s["Related article".Length..].TrimStart('s').TrimStart().StartsWith(':'))
            return LineKind.Related;
        return LineKind.Text;
    }

    /// <summary>
    /// Whether <paramref name="next"/> continues a wrapped title: it is short, not indented (the
    /// seed's body starts with an indented line right under its title), and the line before it does
    /// not end a sentence. A continuation ending with a period would usually be a one-line body
    /// under a short title, so it is accepted only where a wrap is evident: the line before is long
    /// (<see cref="MinWrappedTitleLineLength"/>) and the block ends right after (Reuters-style
    /// "... To 10.5 Pct" / "From 11 Pct.").
    /// </summary>
    private static bool IsTitleContinuation(string previous, string next, bool blockEndsAfterNext)
    {
        if (next.Length == 0 || char.IsWhiteSpace(next[0]) || next.Length > MaxTitleContinuationLength || TextPreamble.IsMetadataLine(next))
            return false;
        ReadOnlySpan<char> prev = previous.AsSpan().Trim();
        if (EndsSentence(prev))
            return false;
        return !next.EndsWith('.') || (blockEndsAfterNext && prev.Length >= MinWrappedTitleLineLength);
    }

    private static bool EndsSentence(ReadOnlySpan<char> s)
    {
        s = s.TrimEnd("\"'”’)");
        return !s.IsEmpty && s[^1] is '.' or '!' or '?';
    }

    /// <summary>Sorts the standalone URLs into author page, article URL and cited links.</summary>
    private static void ReadUrls(List<string> lines, LineKind[] kinds, int firstText, int lastText, Article article)
    {
        var urls = new List<(string Url, int Line)>();
        for (int i = 0; i < lines.Count; i++)
            if (kinds[i] == LineKind.Url)
                urls.Add((lines[i].Trim(), i));
        if (urls.Count == 0)
            return;

        var authors = new List<string>();
        foreach (var (url, _) in urls)
        {
            if (UrlParts.TryAuthorSlug(url, out string slug))
            {
                article.AuthorUrl ??= url;
                string name = UrlParts.AuthorNameFromSlug(slug);
                if (name.Length > 0 && !authors.Contains(name))
                    authors.Add(name);
            }
        }
        if (authors.Count > 0)
            article.Author = string.Join(", ", authors);

        string? authorSite = UrlParts.Domain(article.AuthorUrl);
        foreach (var (url, line) in urls)
        {
            if (UrlParts.TryAuthorSlug(url, out _) || !UrlParts.LooksLikeArticle(url))
                continue;
            bool isArticle = authorSite != null
                ? UrlParts.SameSite(UrlParts.Domain(url), authorSite)
                : line < firstText || line > lastText;
            if (isArticle)
            {
                article.Url = url;
                break;
            }
        }
        foreach (var (url, _) in urls)
            if (url != article.Url && !UrlParts.TryAuthorSlug(url, out _) && !article.LinkUrls.Contains(url))
                article.LinkUrls.Add(url);
    }

    /// <summary>The start of the first paragraph, cut at a word boundary, with "…" if cut.</summary>
    internal static string Excerpt(string body, int length)
    {
        int paragraphEnd = body.IndexOf('\n');
        ReadOnlySpan<char> first = paragraphEnd < 0 ? body : body.AsSpan(0, paragraphEnd);
        if (first.Length <= length)
            return first.ToString();
        int cut = first[..length].LastIndexOf(' ');
        return string.Concat(first[..(cut > 0 ? cut : length)].TrimEnd(",;:-"), "…");
    }
}
