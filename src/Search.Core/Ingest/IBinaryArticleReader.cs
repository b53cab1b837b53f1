namespace Search.Core.Ingest;

/// <summary>
/// A reader of a format that must be read as bytes (PDF, gzipped pages, web pages whose charset
/// is decided from their own bytes): the indexer hands it the file's bytes instead of text decoded
/// by <see cref="TextDecoding"/>'s head sniffing, and <see cref="ReaderRegistry"/> does not reject
/// its files as binary.
/// </summary>
public interface IBinaryArticleReader : IArticleReader
{
    /// <summary>Reads the articles of <paramref name="file"/> from its whole content, already in memory.</summary>
    IEnumerable<ReadItem> Read(SourceFile file, ReadOnlyMemory<byte> bytes);
}
