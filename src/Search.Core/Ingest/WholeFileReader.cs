namespace Search.Core.Ingest;

/// <summary>
/// A reader of a format whose file is one article read from its bytes (a web page, a page saved as
/// one file, a PDF, a Word document): the overloads every such reader shares, around the one
/// method that reads the article.
/// </summary>
public abstract class WholeFileReader : IBinaryArticleReader
{
    public abstract string Format { get; }

    public abstract bool CanRead(string extension, ReadOnlySpan<byte> head);

    public IEnumerable<ReadItem> Read(SourceFile file) => Read(file, File.ReadAllBytes(file.FullPath));

    /// <summary>Not used for these formats (binary): the file is read again as bytes.</summary>
    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(file);

    /// <summary>The file's article; or the articles of a news database's export saved as a
    /// document (a Nexis Uni .docx or .pdf, a Factiva .rtf), one a story
    /// (<see cref="Exports.NewsDatabaseExport.TrySplit"/>).</summary>
    public IEnumerable<ReadItem> Read(SourceFile file, ReadOnlyMemory<byte> bytes)
    {
        ReadItem item = ReadOne(file, bytes);
        return item.Article is { } article && Exports.NewsDatabaseExport.TrySplit(article, file) is { } stories ? stories : [item];
    }

    /// <summary>The file's article, or the reason it has none.</summary>
    protected abstract ReadItem ReadOne(SourceFile file, ReadOnlyMemory<byte> bytes);

    /// <summary>The bytes, expanded when they are gzip (<c>page.html.gz</c>, or gzip saved under a
    /// plain name); null, or the file's problem when they are gzip that cannot be expanded.</summary>
    internal static ReadItem? Expand(ReadOnlyMemory<byte> bytes, out ReadOnlyMemory<byte> content)
    {
        try
        {
            content = Gzip.Unwrap(bytes);
            return null;
        }
        catch (InvalidDataException e)
        {
            content = default;
            return ReadItem.Skip(RecordProblem.WholeFile, $"not valid gzip: {e.Message}");
        }
    }
}
