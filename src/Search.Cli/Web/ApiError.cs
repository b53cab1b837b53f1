namespace Search.Cli.Web;

/// <summary>
/// A request the API refuses: an HTTP status and a one-line message (plus the 1-based query
/// position of a parse error, when known). The error middleware turns it into
/// <c>{"error": "...", "position": N}</c>; it never carries a stack trace.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named for what the API returns (an error response); renaming the type is left out of the lint pass so parallel branches merge.")]
public sealed class ApiError : Exception
{
    public ApiError(int status, string message, int position = 0, IReadOnlyList<string>? files = null) : base(message)
    {
        Status = status;
        Position = position;
        Files = files ?? Array.Empty<string>();
    }

    public int Status { get; }
    public int Position { get; }

    /// <summary>For an id several files share: the files, so the caller can pick one with ?file=.</summary>
    public IReadOnlyList<string> Files { get; }

    public static ApiError BadRequest(string message) => new(400, message);
    public static ApiError NotFound(string message) => new(404, message);
}
