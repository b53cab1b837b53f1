namespace Search.Cli;

/// <summary>Where the index lives: --index, else $SEARCH_INDEX, else ./index.</summary>
public static class IndexLocation
{
    public static string Resolve(string? explicitPath) =>
        Path.GetFullPath(explicitPath is { Length: > 0 } ? explicitPath
            : Environment.GetEnvironmentVariable("SEARCH_INDEX") is { Length: > 0 } env ? env
            : "index");

    /// <summary>Whether a built index is there (a commit point exists).</summary>
    public static bool Exists(string path) =>
        Directory.Exists(path) && Directory.EnumerateFiles(path, "segments_*").Any();
}
