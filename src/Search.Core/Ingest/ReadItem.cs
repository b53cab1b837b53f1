namespace Search.Core.Ingest;

/// <summary>What a reader yields for each record: an article, or a record it had to skip.</summary>
public readonly record struct ReadItem(Article? Article, RecordProblem? Problem)
{
    public static ReadItem Of(Article article) => new(article, null);
    public static ReadItem Skip(int line, string reason) => new(null, new RecordProblem(line, reason));
}

/// <summary>A record that could not be read: its 1-based line in the file and why.</summary>
public sealed record RecordProblem(int Line, string Reason);
