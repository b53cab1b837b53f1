namespace Search.Core;

/// <summary>
/// A failure with a message meant for the user: one line, saying what went wrong and where, with
/// what to do about it where there is something to do. The CLI prints the message and exits with
/// <see cref="ExitCode"/>; it never shows a stack trace.
/// </summary>
public class SearchException : Exception
{
    public SearchException(string message, int exitCode = 1, Exception? inner = null) : base(message, inner) => ExitCode = exitCode;

    public int ExitCode { get; }
}

/// <summary>Another process holds the index's write lock.</summary>
public sealed class IndexLockedException : SearchException
{
    public const int Code = 3;

    public IndexLockedException(string indexPath, Exception? inner = null)
        : base($"index {indexPath} is being written by another process; wait for it to finish and try again", Code, inner) { }
}

/// <summary>A query that cannot be parsed; <see cref="Position"/> is 1-based, or 0 when unknown.</summary>
public sealed class QuerySyntaxException : SearchException
{
    public const int Code = 2;

    public QuerySyntaxException(string message, int position, Exception? inner = null) : base(message, Code, inner) => Position = position;

    public int Position { get; }
}
