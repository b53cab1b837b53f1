using System.Formats.Tar;

namespace Search.Core.Ingest.Archives;

/// <summary>
/// Reads the files inside a tar archive (<c>.tar</c>, <c>.tar.gz</c>, <c>.tgz</c>: how exports
/// and datasets are shipped on Unix) as if they were unpacked, streamed a member at a time, as
/// <see cref="ZipArticleReader"/> does for zips (<see cref="ArchiveMember"/>). An archive damaged
/// or cut short part-way keeps the members before the damage, and the damage is reported.
/// </summary>
public sealed class TarArticleReader : StreamedFileReader
{
    public override string Format => "tar";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".tar" or ".tar.gz" or ".tgz";

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        using Stream input = Gzip.Expanding(stream);
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
                    : ReadItem.Skip(number, $"the archive is damaged or cut short at its member {number} ({Gzip.EndedEarly(input) ?? e.Message.ReplaceLineEndings(" ")}); the rest is not read")];
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
