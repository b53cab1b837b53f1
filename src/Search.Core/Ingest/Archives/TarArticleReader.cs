using System.Formats.Tar;
using System.IO.Compression;

namespace Search.Core.Ingest.Archives;

/// <summary>
/// Reads the files inside a tar archive (<c>.tar</c>, <c>.tar.gz</c>, <c>.tgz</c>: how exports
/// and datasets are shipped on Unix) as if they were unpacked, streamed a member at a time, as
/// <see cref="ZipArticleReader"/> does for zips (<see cref="ArchiveMember"/>). An archive damaged
/// or cut short part-way keeps the members before the damage, and the damage is reported.
/// </summary>
public sealed class TarArticleReader : IBinaryArticleReader
{
    public string Format => "tar";

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".tar" or ".tar.gz" or ".tgz";

    public IEnumerable<ReadItem> Read(SourceFile file)
    {
        using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        foreach (var item in Read(file, file.OnRead is { } onRead ? new ReadCountingStream(stream, onRead) : stream))
            yield return item;
    }

    /// <summary>Not used for archives (binary): the file is read as bytes.</summary>
    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(file);

    public IEnumerable<ReadItem> Read(SourceFile file, ReadOnlyMemory<byte> bytes) =>
        Read(file, new MemoryStream(bytes.ToArray(), writable: false));

    private static IEnumerable<ReadItem> Read(SourceFile file, Stream raw)
    {
        Span<byte> magic = stackalloc byte[2];
        int n = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        raw.Seek(-n, SeekOrigin.Current);
        using Stream input = Gzip.IsGzip(magic[..n]) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var tar = new TarReader(input);
        int number = 0;
        while (true)
        {
            TarEntry? entry;
            List<ReadItem> items;
            number++;
            try
            {
                entry = tar.GetNextEntry();
                if (entry == null)
                    yield break;
                items = ReadEntry(file, number, entry);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
            {
                items = [number == 1
                    ? ReadItem.Skip(RecordProblem.WholeFile, $"not a tar archive that can be read ({e.Message.ReplaceLineEndings(" ")})")
                    : ReadItem.Skip(number, $"the archive is damaged or cut short at its member {number} ({e.Message.ReplaceLineEndings(" ")}); the rest is not read")];
                entry = null;
            }
            foreach (ReadItem item in items)
                yield return item;
            if (entry == null)
                yield break;
        }
    }

    private static List<ReadItem> ReadEntry(SourceFile file, int number, TarEntry entry)
    {
        string name = entry.Name.TrimStart('.', '/');
        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile) || ArchiveMember.Skipped(name))
            return [];
        if (entry.Length > ArchiveMember.MaxBytes)
            return [ArchiveMember.TooBig(number, name, entry.Length)];
        var bytes = new byte[entry.Length];
        entry.DataStream?.ReadExactly(bytes);
        return ArchiveMember.Read(file, number, name, bytes);
    }
}
