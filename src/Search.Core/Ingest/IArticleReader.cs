namespace Search.Core.Ingest;

/// <summary>
/// Reads one file format. Readers stream: a multi-gigabyte CSV or JSONL file is never loaded whole.
/// A reader never throws for bad content: a record it cannot read is yielded as
/// <see cref="ReadItem.Skip"/> and reading goes on. I/O errors (file vanished, no permission) do
/// propagate as <see cref="IOException"/> / <see cref="UnauthorizedAccessException"/>; the indexer
/// reports them per file.
/// </summary>
public interface IArticleReader
{
    /// <summary>Short name of the format for summaries: "text", "csv", "jsonl".</summary>
    string Format { get; }

    /// <summary>Whether this reader takes the file, by extension (lower-case, with dot) and, where
    /// the extension is ambiguous, by the first bytes of content.</summary>
    bool CanRead(string extension, ReadOnlySpan<byte> head);

    /// <summary>Reads the articles of <paramref name="file"/>. Articles come back with
    /// <see cref="Article.File"/>, <see cref="Article.Record"/>, <see cref="Article.Line"/> and
    /// <see cref="Article.Id"/> set, and whatever fields the input states.</summary>
    IEnumerable<ReadItem> Read(SourceFile file);

    /// <summary>Reads the articles of <paramref name="file"/> from its already decoded
    /// <paramref name="text"/> (the indexer reads small files once, to hash and parse them).</summary>
    IEnumerable<ReadItem> Read(SourceFile file, string text);
}
