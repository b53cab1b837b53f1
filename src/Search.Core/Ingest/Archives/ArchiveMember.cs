namespace Search.Core.Ingest.Archives;

/// <summary>
/// One file inside an archive read as a file on disk would be: its reader chosen by its name and
/// first bytes (<see cref="ReaderRegistry"/>), its articles keyed under the archive
/// (<c>leak.zip/docs/a.txt</c>, <c>leak.zip/rows.csv#3</c>). Its problems are the archive's
/// records: numbered by the member's place in the archive and naming it
/// (<c>leak.zip:7: docs/scan.pdf: scanned PDF…</c>). What no reader takes (images, notes) is passed
/// over, as in a folder; so are the resource forks macOS adds to its zips (<c>__MACOSX/</c>,
/// <c>._name</c>). An archive inside the archive (a zip of zips, as leaks and court records come)
/// is read the same way, its articles keyed under both (<c>leak.zip/2019.zip/a.txt</c>), down to
/// <see cref="MaxDepth"/> archives.
/// </summary>
internal static class ArchiveMember
{
    /// <summary>Most bytes one member may expand to: it is read in memory.</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Most archives a member may lie inside. Each level holds its member's bytes while
    /// it is read (at most <see cref="MaxBytes"/>), and an archive that holds itself over and over
    /// (a zip quine) must end.</summary>
    public const int MaxDepth = 4;

    /// <summary>Whether a member is not a file of the archive's own: a folder, or macOS metadata.</summary>
    public static bool Skipped(string name) =>
        name.EndsWith('/') || name.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(name).StartsWith("._", StringComparison.Ordinal);

    /// <summary>A member too big to read, as the archive's record <paramref name="number"/>.</summary>
    public static ReadItem TooBig(int number, string name, long length) =>
        ReadItem.Skip(number, $"{name}: {length >> 20} MB uncompressed, more than the {MaxBytes >> 20} MB read from inside an archive; unpack it to index it");

    /// <summary>The articles of member <paramref name="number"/>, <paramref name="name"/>, whose bytes are <paramref name="bytes"/>.</summary>
    public static List<ReadItem> Read(SourceFile archive, int number, string name, byte[] bytes)
    {
        // Named as if unpacked beside the archive's own path (readers that look at the name, such
        // as a .tsv's forced tab, see the member's); its bytes are handed over, never opened by path.
        var member = new SourceFile($"{archive.FullPath}/{name}", $"{archive.RelativePath}/{name}", archive.Root)
        {
            Csv = archive.Csv,
            ArchiveDepth = archive.ArchiveDepth + 1,
        };
        ReaderResolution resolution = ReaderRegistry.Default.Resolve(name, bytes.AsSpan(0, Math.Min(bytes.Length, TextDecoding.HeadSize)));
        if (resolution.Disposition == FileDisposition.Ignored)
            return [];
        if (resolution.Reader is not { } reader)
            return [ReadItem.Skip(number, $"{name}: {resolution.Reason}")];
        bool isArchive = IsArchive(reader);
        if (isArchive && member.ArchiveDepth >= MaxDepth)
            return [ReadItem.Skip(number, $"{name}: an archive {MaxDepth} archives deep; unpack it to index it")];
        try
        {
            if (resolution.Gzipped)
                bytes = Gzip.Unwrap(bytes).ToArray();
            IEnumerable<ReadItem> items = reader is IBinaryArticleReader binary
                ? binary.Read(member, bytes)
                : reader.Read(member, TextDecoding.Decode(bytes, out _));
            // An inner archive's problems already name their member (2019.zip: scan.pdf: …); a
            // line number is a file's.
            return items.Select(item => item.Problem is { } problem
                    ? ReadItem.Skip(number, problem.Line == RecordProblem.WholeFile || isArchive ? $"{name}: {problem.Reason}" : $"{name} line {problem.Line}: {problem.Reason}")
                    : item)
                .ToList();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            // One member a reader fails on is that member's problem, not the archive's.
            return [ReadItem.Skip(number, $"{name}: could not be read ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})")];
        }
    }

    /// <summary>Whether <paramref name="reader"/> reads archives, whose members are files of their own.</summary>
    public static bool IsArchive(IArticleReader reader) => reader is ZipArticleReader or TarArticleReader;
}
