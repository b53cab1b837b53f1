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
    /// 128 documents; a document of twice this or more is cut into blocks of this size, each
    /// compressed alone). Reading a hit inflates its chunk from its start to the end of the
    /// document, about 3 µs a block and 2 µs a kilobyte, so the size trades index size for the
    /// time a page of hits takes (docs/performance.md, "what a page's stored text costs", thirteenth
    /// stop): 4 KB against 8 KB read a page's ten documents in 0.15–0.19 ms instead of 0.18–0.25
    /// (20k generated articles) for a stored-fields file 4–5 % bigger and an index 1.5–2.3 % bigger
    /// (BBC, 20k); an article of 4–8 KB, common in news, is then a block of its own. Readers take
    /// the size from the file, so a change here needs no new format; merges copy chunks without
    /// inflating them only between segments of the same size.</summary>
    public const int ChunkSize = 4 * 1024;
}
