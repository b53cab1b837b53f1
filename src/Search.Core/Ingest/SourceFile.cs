namespace Search.Core.Ingest;

/// <summary>A file found under an indexed root.</summary>
/// <param name="FullPath">Absolute path on disk.</param>
/// <param name="RelativePath">Path relative to <paramref name="Root"/>, '/' separated; the basis of ids.</param>
/// <param name="Root">The indexed root folder (absolute) the file was found under.</param>
public sealed record SourceFile(string FullPath, string RelativePath, string Root)
{
    /// <summary>The first folder under the root (BBC's <c>business/</c>), or null for top-level files.</summary>
    public string? TopFolder
    {
        get
        {
            int slash = RelativePath.IndexOf('/');
            return slash > 0 ? RelativePath[..slash] : null;
        }
    }

    /// <summary>Told how many new bytes of the file a streaming reader has read, as it reads them
    /// (build progress inside one big file).</summary>
    public Action<int>? OnRead { get; init; }

    /// <summary>The file is gzipped (<c>news.jsonl.gz</c>): text readers read it through gunzip.</summary>
    public bool Gzipped { get; init; }

    /// <summary>How many archives the file lies inside: 0 for a file on disk, 1 for a member of a
    /// zip on disk, 2 for a member of a zip inside that zip (<see cref="Archives.ArchiveMember"/>).</summary>
    public int ArchiveDepth { get; init; }

    /// <summary>How to read the file if it is CSV (forced delimiter, quote, columns); null: sniff, header required.</summary>
    public CsvSettings? Csv { get; init; }
}
