namespace Search.Cli;

/// <summary>Where the index lives: --index, else $SEARCH_INDEX, else ./index.</summary>
public static class IndexLocation
{
    /// <summary>The index folder: <c>--index</c>, else $SEARCH_INDEX, else ./index. An --index given
    /// empty (<c>--index "$DIR"</c> with DIR unset) is a usage error, not ./index: a build would
    /// write, and a query read, an index the user did not name.</summary>
    public static string Resolve(string? explicitPath)
    {
        if (explicitPath != null && string.IsNullOrWhiteSpace(explicitPath))
            throw new UsageException("--index is empty (an unset shell variable?); name the index folder, or leave --index out for $SEARCH_INDEX or ./index");
        return Path.GetFullPath(explicitPath is { Length: > 0 } ? explicitPath
            : Environment.GetEnvironmentVariable("SEARCH_INDEX") is { Length: > 0 } env ? env
            : "index");
    }

    /// <summary>Whether a built index is there (a commit point exists).</summary>
    public static bool Exists(string path) =>
        Directory.Exists(path) && Directory.EnumerateFiles(path, "segments_*").Any();
}
