using System.Buffers;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene41;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Indexing.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Querying.StoredFields;

/// <summary>
/// One segment's stored fields read straight from its <c>.fdx</c>/<c>.fdt</c> files (Lucene 4.1's
/// compressing stored fields: LZ4, as indexes of earlier versions hold them, or deflate, as this
/// program writes them, <see cref="DeflateStoredFieldsFormat"/>), for the few string fields a hit
/// shows. The same bytes Lucene reads, decoded the same way, but: the chunk is read in one
/// positional read, LZ4 runs over a span (<see cref="Lz4Block"/>), deflate stops once the document
/// is out (<see cref="DeflateBlock"/>), and only the asked fields become strings. <see cref="Open"/> returns null for any other format, and a document whose asked
/// fields include one stored as a number is left to Lucene. A segment in its own files (not a
/// compound file) has its data file mapped (<see cref="MappedFile"/>): a chunk is then read in
/// place, without a copy.
/// </summary>
internal sealed class SegmentStoredFields : IDisposable
{
    // Lucene's CompressingStoredFieldsWriter: names, versions and type bits of the format.
    private const string Lz4FormatName = "Lucene41StoredFields";
    private const int VersionChecksum = 2;
    private const int TypeBits = 3;
    private const int TypeMask = 0x07;
    private const int StringType = 0x00, BytesType = 0x01, IntType = 0x02, FloatType = 0x03, LongType = 0x04, DoubleType = 0x05;

    private readonly LuceneDirectory? _compound;
    private readonly IndexInput _data;
    /// <summary>The data file mapped; null in a compound file or where it cannot be mapped.</summary>
    private readonly MappedFile? _mapped;
    /// <summary>A clone of <see cref="_data"/> free for the next read (one per thread at a time).</summary>
    private IndexInput? _spare;
    private readonly ChunkIndex _chunks;
    /// <summary>Deflate blocks (<see cref="DeflateStoredFieldsFormat"/>); else LZ4.</summary>
    private readonly bool _deflate;
    private readonly FieldInfos _fieldInfos;
    /// <summary>Each field set's slot by this segment's field numbers.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<StoredFieldSet, int[]> _slots = new();
    private bool _disposed;

    /// <summary>UTF-8 that fails on bad bytes, as Lucene decodes stored strings.</summary>
    private static readonly System.Text.Encoding Utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SegmentStoredFields(LuceneDirectory? compound, IndexInput data, MappedFile? mapped, ChunkIndex chunks, bool deflate, FieldInfos fieldInfos)
    {
        _deflate = deflate;
        _compound = compound;
        _data = data;
        _mapped = mapped;
        _chunks = chunks;
        _fieldInfos = fieldInfos;
    }

    /// <summary>The reader of <paramref name="segment"/>'s stored fields; null when they are not in
    /// the format this reader knows (then Lucene's own reader serves).</summary>
    public static SegmentStoredFields? Open(SegmentReader segment)
    {
        var info = segment.SegmentInfo.Info;
        var format = info.Codec.StoredFieldsFormat.GetType();
        bool deflate = format == typeof(DeflateStoredFieldsFormat);
        if (!deflate && format != typeof(Lucene41StoredFieldsFormat))
            return null;
        string formatName = deflate ? DeflateStoredFieldsFormat.FormatName : Lz4FormatName;
        LuceneDirectory? compound = null;
        IndexInput? data = null;
        try
        {
            var dir = info.Dir;
            if (info.UseCompoundFile)
                dir = compound = new CompoundFileDirectory(info.Dir, IndexFileNames.SegmentFileName(info.Name, "", IndexFileNames.COMPOUND_FILE_EXTENSION), IOContext.READ, false);
            long maxPointer;
            int[] docBases;
            long[] starts;
            using (var index = dir.OpenInput(IndexFileNames.SegmentFileName(info.Name, "", "fdx"), IOContext.READ))
            {
                if (CodecUtil.CheckHeader(index, formatName + "Index", VersionChecksum, VersionChecksum) != VersionChecksum)
                    return Abandon(compound, data);
                (docBases, starts) = ChunkIndex.Read(index, info.DocCount);
                maxPointer = index.ReadVInt64();
            }
            string dataName = IndexFileNames.SegmentFileName(info.Name, "", "fdt");
            data = dir.OpenInput(dataName, IOContext.READ);
            if (CodecUtil.CheckHeader(data, formatName + "Data", VersionChecksum, VersionChecksum) != VersionChecksum
                || maxPointer + CodecUtil.FooterLength() != data.Length)
                return Abandon(compound, data);
            int chunkSize = data.ReadVInt32();
            if (data.ReadVInt32() != Lucene.Net.Util.Packed.PackedInt32s.VERSION_CURRENT)
                return Abandon(compound, data);
            var mapped = compound == null && info.Dir is FSDirectory fs ? Map(Path.Combine(fs.Directory.FullName, dataName), data.Length) : null;
            return new SegmentStoredFields(compound, data, mapped, new ChunkIndex(docBases, starts, maxPointer, chunkSize), deflate, segment.FieldInfos);
        }
        catch
        {
            Abandon(compound, data);
            throw;
        }
    }

    /// <summary>The data file mapped, when it maps and is the length the open input says (else
    /// reads go through the input, as before).</summary>
    private static MappedFile? Map(string path, long length)
    {
        MappedFile? mapped;
        try { mapped = MappedFile.Open(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        if (mapped != null && mapped.Length != length)
        {
            mapped.Dispose();
            return null;
        }
        return mapped;
    }

    private static SegmentStoredFields? Abandon(LuceneDirectory? compound, IndexInput? data)
    {
        data?.Dispose();
        compound?.Dispose();
        return null;
    }

    /// <summary>Whether chunks are read from the mapped data file (else through an input).</summary>
    internal bool IsMapped => _mapped != null;

    /// <summary>Reads document <paramref name="doc"/> (of this segment): the first string value of
    /// each of <paramref name="fields"/> into its slot of <paramref name="values"/>. False, with
    /// nothing read, when the document's chunk is one this reader leaves to Lucene.</summary>
    public bool TryRead(int doc, StoredFieldSet fields, string?[] values)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int chunk = _chunks.ChunkOf(doc);
        long start = _chunks.Starts[chunk];
        long end = chunk + 1 < _chunks.Starts.Length ? _chunks.Starts[chunk + 1] : _chunks.MaxPointer;
        int size = checked((int)(end - start));
        try
        {
            if (_mapped != null)
            {
                using var lease = _mapped.Acquire();
                return TryRead(lease.Slice(start, size), doc, chunk, fields, values);
            }
            byte[] raw = ArrayPool<byte>.Shared.Rent(size);
            var input = Interlocked.Exchange(ref _spare, null) ?? (IndexInput)_data.Clone();
            try
            {
                input.Seek(start);
                input.ReadBytes(raw, 0, size);
                return TryRead(raw.AsSpan(0, size), doc, chunk, fields, values);
            }
            finally
            {
                Interlocked.Exchange(ref _spare, input)?.Dispose();
                ArrayPool<byte>.Shared.Return(raw);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new CorruptIndexException($"stored fields of document {doc}: {e.Message} ({_data})", e);
        }
    }

    /// <summary><see cref="TryRead(int, StoredFieldSet, string?[])"/> from the chunk's bytes.</summary>
    private bool TryRead(ReadOnlySpan<byte> raw, int doc, int chunk, StoredFieldSet fields, string?[] values)
    {
        var chunkBytes = new ChunkReader(raw);
        var (offset, length, total, count) = chunkBytes.Locate(doc, _chunks.DocBases[chunk]);
        if (count == 0)
            return true;
        byte[] plain = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            if (!ChunkBlocks.Decode(_deflate, _chunks.ChunkSize, chunkBytes.Rest, plain.AsSpan(0, total), offset + length))
                throw new CorruptIndexException($"stored fields chunk of document {doc} decodes short ({_data})");
            if (ReadFields(plain.AsSpan(offset, length), count, _slots.GetOrAdd(fields, f => f.SlotsByNumber(_fieldInfos)), values))
                return true;
            Array.Clear(values);
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    /// <summary>The asked fields' first string values; false when one of them is stored as a
    /// number (Lucene's loading turns numbers into strings its own way: left to it).</summary>
    private bool ReadFields(ReadOnlySpan<byte> document, int count, int[] slotByNumber, string?[] values)
    {
        int at = 0;
        for (int f = 0; f < count; f++)
        {
            long infoAndBits = ChunkReader.VLong(document, ref at);
            long number = (long)((ulong)infoAndBits >> TypeBits);
            int slot = number < slotByNumber.Length ? slotByNumber[number] : -1;
            int type = (int)(infoAndBits & TypeMask);
            if (slot >= 0 && type is IntType or FloatType or LongType or DoubleType)
                return false;
            switch (type)
            {
                case StringType:
                case BytesType:
                    int length = (int)ChunkReader.VLong(document, ref at);
                    if (slot >= 0 && values[slot] == null && type == StringType)
                        values[slot] = Utf8.GetString(document.Slice(at, length));
                    at += length;
                    break;
                case IntType:
                case FloatType:
                    at += 4;
                    break;
                case LongType:
                case DoubleType:
                    at += 8;
                    break;
                default:
                    throw new CorruptIndexException($"unknown stored field type {type} ({_data})");
            }
        }
        return true;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Interlocked.Exchange(ref _spare, null)?.Dispose();
        _mapped?.Dispose();
        _data.Dispose();
        _compound?.Dispose();
    }
}
