namespace Search.Core.Ingest;

/// <summary>What a reader yields for each record: an article, or a record it had to skip.</summary>
public readonly record struct ReadItem(Article? Article, RecordProblem? Problem)
{
    public static ReadItem Of(Article article) => new(article, null);
    public static ReadItem Skip(int line, string reason) => new(null, new RecordProblem(line, reason));
}

/// <summary>A record that could not be read: its 1-based line in the file and why.
/// <see cref="WholeFile"/> (0) when the problem is the file itself (empty, binary).</summary>
public sealed record RecordProblem(int Line, string Reason)
{
    /// <summary>Line number used for problems that concern the whole file rather than a record.</summary>
    public const int WholeFile = 0;
}
