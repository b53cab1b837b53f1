using System.IO.Compression;

namespace Search.Core.Ingest.Archives;

/// <summary>
/// Reads the files inside a <c>.zip</c> (an export, a leak, a folder someone sent zipped) as if
/// they were unpacked: every member through its own reader (<see cref="ArchiveMember"/>), one at a
/// time, so an archive of any size is read holding one member. Articles are keyed under the
/// archive (<c>leak.zip/docs/a.txt</c>); a re-run reads the archive again when it changes, and
/// only articles that changed are rewritten. An encrypted or damaged member is reported and the
/// others are read; an archive that cannot be opened at all is skipped with the reason.
/// </summary>
public sealed class ZipArticleReader : StreamedFileReader
{
    public override string Format => "zip";

    public override bool CanRead(string extension, ReadOnlySpan<byte> head) => extension == ".zip";

    protected override IEnumerable<ReadItem> Read(SourceFile file, Stream stream)
    {
        ZipArchive? zip = null;
        IReadOnlyList<ZipArchiveEntry> entries = [];
        string? problem = null;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
            entries = zip.Entries; // the central directory is read here, and can be damaged
        }
        catch (InvalidDataException e)
        {
            problem = $"not a zip archive that can be read ({e.Message})";
        }
        if (problem != null || zip == null)
        {
            zip?.Dispose();
            yield return ReadItem.Skip(RecordProblem.WholeFile, problem ?? "not a zip archive that can be read");
            yield break;
        }
        using (zip)
        {
            int number = 0;
            foreach (ZipArchiveEntry entry in entries)
            {
                number++;
                if (ArchiveMember.Skipped(MemberName(entry)))
                    continue;
                foreach (ReadItem item in ReadEntry(file, number, entry))
                    yield return item;
            }
        }
    }

    private static List<ReadItem> ReadEntry(SourceFile file, int number, ZipArchiveEntry entry)
    {
        string name = MemberName(entry);
        if (entry.Length > ArchiveMember.MaxBytes)
            return [ArchiveMember.TooBig(number, name, entry.Length)];
        byte[] bytes;
        try
        {
            using Stream content = entry.Open();
            bytes = new byte[entry.Length];
            content.ReadExactly(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException)
        {
            // Encrypted (a password), compressed in a way .NET does not read, or damaged.
            return [ReadItem.Skip(number, $"{name}: cannot be unpacked ({e.Message.ReplaceLineEndings(" ")})")];
        }
        // .NET unpacks a member whose bytes were damaged (a bad sector, a broken download) without
        // checking them against the checksum the zip keeps for it.
        if (System.IO.Hashing.Crc32.HashToUInt32(bytes) != entry.Crc32)
            return [ReadItem.Skip(number, $"{name}: damaged (its unpacked bytes do not match the checksum the zip keeps for it)")];
        return ArchiveMember.Read(file, number, name, bytes);
    }

    /// <summary>A member's path with <c>/</c> between its folders, as the zip format has it:
    /// Windows PowerShell's Compress-Archive (and .NET Framework before 4.6.1) write <c>\</c>,
    /// which made <c>docs\a.txt</c> one file name and a folder's entry a file.</summary>
    private static string MemberName(ZipArchiveEntry entry) => entry.FullName.Replace('\\', '/');
}
