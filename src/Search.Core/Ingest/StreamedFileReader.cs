using System.Runtime.InteropServices;

namespace Search.Core.Ingest;

/// <summary>
/// A reader of a format whose file holds many articles in bytes that must be read as a stream
/// (a web archive, a mailbox, a zip or tar archive): the overloads every such reader shares, a
/// file opened for streaming (with its progress counted) or bytes already in memory, around the
/// one method that reads the stream.
/// </summary>
public abstract class StreamedFileReader : IBinaryArticleReader
{
    public abstract string Format { get; }

    public abstract bool CanRead(string extension, ReadOnlySpan<byte> head);

    /// <summary>Whether the format is read front to back, so that a gzipped file (<see
    /// cref="SourceFile.Gzipped"/>) is read through gunzip, never expanded whole.</summary>
    public virtual bool ReadsGzipped => false;

    public IEnumerable<ReadItem> Read(SourceFile file)
    {
        using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        Stream counted = file.OnRead is { } onRead ? new ReadCountingStream(stream, onRead) : stream;
        using var gunzip = file.Gzipped ? new CheckedGunzipStream(counted) : null;
        foreach (var item in Read(file, gunzip ?? counted))
            yield return item;
        gunzip?.ThrowIfEndedEarly();
    }

    /// <summary>Not used for these formats (binary): the file is read as bytes.</summary>
    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(file);

    public IEnumerable<ReadItem> Read(SourceFile file, ReadOnlyMemory<byte> bytes) =>
        // Bytes over an array (an archive inside an archive, up to ArchiveMember.MaxBytes) are
        // streamed where they lie, not copied.
        Read(file, MemoryMarshal.TryGetArray(bytes, out ArraySegment<byte> array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false));

    /// <summary>The rest of <paramref name="stream"/>'s bytes, for a format that must be read from
    /// them whole (a compound file's sectors are chained anywhere in it).</summary>
    protected static byte[] Whole(Stream stream)
    {
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The articles of the file whose bytes <paramref name="stream"/> gives (seekable), in order.</summary>
    protected abstract IEnumerable<ReadItem> Read(SourceFile file, Stream stream);
}
