namespace Search.Core.Indexing;

/// <summary>
/// What the index remembers of a source file to decide, on the next run, whether it changed:
/// size and modification time (a cheap first check) and the SHA-256 of its content (the real one).
/// </summary>
public readonly record struct FileState(string Hash, long Size, long MtimeTicks)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Hash}:{Size}:{MtimeTicks}");

    public static FileState Parse(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 3
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long size)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long mtime)
            ? new FileState(parts[0], size, mtime)
            : new FileState("", -1, -1);
    }
}
