namespace Search.Core.Indexing;

/// <summary>What a build did. Serialised as the JSON of `search index --json`.</summary>
public sealed class BuildSummary
{
    public int FilesScanned { get; set; }
    public int FilesIndexed { get; set; }
    public int FilesUnchanged { get; set; }
    /// <summary>Files of types the indexer does not read (README.md, images): not errors.</summary>
    public int FilesIgnored { get; set; }
    public int ArticlesAdded { get; set; }
    public int ArticlesUpdated { get; set; }
    public int ArticlesUnchanged { get; set; }
    public int ArticlesRemoved { get; set; }
    /// <summary>Files (or records of files) that could not be indexed, each with its reason.</summary>
    public List<SkippedItem> Skipped { get; set; } = new();
    public int DocumentsInIndex { get; set; }
    public long Bytes { get; set; }
    public double Seconds { get; set; }
    public bool Interrupted { get; set; }
}

/// <summary>A skipped file (<see cref="Line"/> null) or record (with its line).</summary>
public sealed record SkippedItem(string File, int? Line, string Reason)
{
    public override string ToString() => Line is int line ? $"{File}:{line}: {Reason}" : $"{File}: {Reason}";
}
