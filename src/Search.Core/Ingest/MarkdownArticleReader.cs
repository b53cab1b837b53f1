namespace Search.Core.Ingest;

/// <summary>
/// An article of a static site kept as Markdown (<c>.md</c>, <c>.markdown</c>): the front matter
/// gives its fields (<see cref="FrontMatter"/>: <c>title</c>, <c>date</c>, <c>author</c>,
/// <c>tags</c>, <c>categories</c>, <c>description</c>… by the names <see cref="FieldMapping"/>
/// knows), the Markdown its text (<see cref="MarkdownText"/>). Only a file that starts with front
/// matter is an article: a README or NOTICE.md beside the articles is not one, and stays ignored.
/// </summary>
public sealed class MarkdownArticleReader : IArticleReader
{
    public string Format => "markdown";

    public bool CanRead(string extension, ReadOnlySpan<byte> head)
    {
        if (extension is not (".md" or ".markdown"))
            return false;
        Span<char> start = stackalloc char[8];
        int n = System.Text.Encoding.UTF8.GetChars(head[..Math.Min(head.Length, 8)], start);
        return FrontMatter.StartsWithFence(start[..n]);
    }

    public IEnumerable<ReadItem> Read(SourceFile file)
    {
        string text = TextDecoding.ReadAllText(file, out TextSniff sniff);
        return sniff.Kind == TextKind.Binary ? [ReadItem.Skip(RecordProblem.WholeFile, "binary file")] : Read(file, text);
    }

    public IEnumerable<ReadItem> Read(SourceFile file, string text)
    {
        var lines = TextArticleReader.Lines(text);
        var article = new Article();
        var frontMatter = FrontMatter.Read(lines, out int bodyStart);
        foreach (var (key, values) in frontMatter)
        {
            if (key.Equals("categories", StringComparison.OrdinalIgnoreCase))
            {
                FieldMapping.ApplyList(article, ArticleField.Section, values);
                FieldMapping.ApplyList(article, ArticleField.Tags, values);
            }
            else if (FieldMapping.TryMap(key, out ArticleField field) && field != ArticleField.Id)
            {
                if (field is ArticleField.Tags or ArticleField.Places && values.Count == 1)
                    FieldMapping.Apply(article, field, values[0]); // "tags: economy, politics" is two tags, as in a CSV
                else
                    FieldMapping.ApplyList(article, field, values);
            }
        }
        bool titled = article.Title.Length > 0;
        article.Body = MarkdownText.ToPlain(lines, bodyStart, dropFirstHeading: !titled, out string? heading);
        if (!titled && heading != null)
            article.Title = heading;
        if (article.Title.Length == 0 && article.Body.Length > 0)
            article.Title = TextArticleReader.Excerpt(article.Body, TextArticleReader.ExcerptTitleLength);
        article.Title = MarkdownText.Inline(article.Title);
        FieldMapping.TakeSummaryWithoutBody(article);
        article.Body = ParagraphText.Normalize(article.Body);
        article.Id = file.RelativePath;
        article.File = file.RelativePath;
        article.Line = 1;
        return [article.Title.Length == 0 && article.Body.Length == 0 ? ReadItem.Skip(RecordProblem.WholeFile, "no title or text") : ReadItem.Of(article)];
    }
}
