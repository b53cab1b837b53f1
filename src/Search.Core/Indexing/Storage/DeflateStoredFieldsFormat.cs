using Lucene.Net.Codecs.Compressing;

namespace Search.Core.Indexing.Storage;

/// <summary>
/// Stored fields as Lucene 4.1 lays them out (<c>CompressingStoredFieldsFormat</c>: chunks of
/// documents, an index of chunk starts), compressed with <see cref="DeflateCompression"/>. Our
/// fast reader (<c>Querying/StoredFields/SegmentStoredFields</c>) knows this layout by
/// <see cref="FormatName"/>.
/// </summary>
public sealed class DeflateStoredFieldsFormat() : CompressingStoredFieldsFormat(FormatName, DeflateCompression.Instance, ChunkSize)
{
    /// <summary>Written in the head of the <c>.fdx</c> and <c>.fdt</c> (with "Index", "Data").</summary>
    public const string FormatName = "SearchDeflateStoredFields";

    /// <summary>Bytes of documents per chunk (a chunk closes once it holds at least this many, or
    /// 128 documents). Reading a hit inflates its chunk up to the end of the document, so the
    /// size is a trade of index size against query time; on 20k news articles (docs/performance.md,
    /// "Issue 18, stored fields compression"): 16 KB left the data file at 18.1 MB and added
    /// 0.15–0.2 ms to a page of ten hits; 8 KB, 18.9 MB and at most about 0.1 ms; 4 KB, 19.8 MB
    /// and no less time (the document itself must be inflated whatever the chunk). Readers take the size from the file, so a change here needs no new format;
    /// merges copy chunks without inflating them only between segments of the same size.</summary>
    public const int ChunkSize = 8 * 1024;
}
