namespace Search.Core.Indexing;

/// <summary>What a build did. Serialised as the JSON of `search index --json`.</summary>
public sealed class BuildSummary
{
    /// <summary>The roots this build read (absolute).</summary>
    public List<string> Roots { get; set; } = new();
    public int FilesScanned { get; set; }
    public int FilesIndexed { get; set; }
    public int FilesUnchanged { get; set; }
    /// <summary>Files of types the indexer does not read (README.md, images), relative to their
    /// root: not errors.</summary>
    public List<string> Ignored { get; set; } = new();
    public int FilesIgnored => Ignored.Count;
    /// <summary>Files only part of which is in the index yet (interrupted, or failed part-way):
    /// the next `search index` reads them again.</summary>
    public List<string> Unfinished { get; set; } = new();
    public int ArticlesAdded { get; set; }
    public int ArticlesUpdated { get; set; }
    public int ArticlesUnchanged { get; set; }
    public int ArticlesRemoved { get; set; }
    /// <summary>Files (or records of files) the index is missing, each with its reason: those this
    /// build found and those earlier builds recorded for files not read again (the index keeps the
    /// list until a file is fixed or removed).</summary>
    public List<SkippedItem> Skipped { get; set; } = new();
    /// <summary>Ids that articles of different files share (all of them are kept).</summary>
    public List<IdCollision> Collisions { get; set; } = new();
    public int DocumentsInIndex { get; set; }
    /// <summary>Articles whose stated date was left unread because its day and month could be
    /// either way round (`--date-order` reads them), and the first such date met.</summary>
    public int AmbiguousDates { get; set; }
    public string? AmbiguousDateExample { get; set; }
    /// <summary>Articles whose stated date was not read as one (not a date, or a date that cannot
    /// exist, such as 2019-13-45), and the first met.</summary>
    public int UnreadDates { get; set; }
    public string? UnreadDateExample { get; set; }
    /// <summary>Bytes actually read from disk (a file skipped by size and date costs none).</summary>
    public long Bytes { get; set; }
    public double Seconds { get; set; }
    public bool Interrupted { get; set; }
    /// <summary>The index keeps letter rules older than this version's (<see cref="AnalysisSettings.Letters"/>):
    /// an index adds as it was built, and only `--rebuild` applies the new rules.</summary>
    public bool OlderLetterRules { get; set; }
    /// <summary>No article could be read into a new index, so none was written (the folder, or
    /// the files the build had put in an empty one, are gone again).</summary>
    public bool NothingWritten { get; set; }

    /// <summary>Ignored files counted by extension ("(none)" for files without one), most first.</summary>
    public IEnumerable<(string Extension, int Count)> IgnoredByExtension() =>
        Ignored.GroupBy(f => Path.GetExtension(f) is { Length: > 0 } e ? e.ToLowerInvariant() : "(none)")
            .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal);
}

/// <summary>A skipped file (<see cref="Line"/> null) or record (with its line).</summary>
public sealed record SkippedItem(string File, int? Line, string Reason)
{
    public override string ToString() => Line is int line ? $"{File}:{line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>An id that articles of several files share; <see cref="Files"/> are relative paths.</summary>
public sealed record IdCollision(string Id, IReadOnlyList<string> Files);
