namespace Search.Core.Indexing.Writing;

/// <summary>
/// What keeps the clustering pass's memory and work bounded whatever the index holds. Builds use
/// <see cref="Default"/>; tests set small limits so that a small index takes the paths a large one
/// takes (candidates found in many passes, fingerprints read again instead of kept).
/// </summary>
internal sealed record ClusteringLimits
{
    public static readonly ClusteringLimits Default = new();

    /// <summary>Band keys shared by more articles than this are skipped as candidate sources:
    /// boilerplate every article of one outlet carries, not evidence of a copy.</summary>
    public int MaxPostings { get; init; } = 1_000;

    /// <summary>(band key, article) entries sorted at once when looking for candidates: 12 bytes
    /// each, so 48 MB at most, whatever the size of the index (a pass per group of bands).</summary>
    public int MaxEntries { get; init; } = 4_000_000;

    /// <summary>Fingerprints kept per pass for verifying more pairs (about 10 KB each for a news article).</summary>
    public int MaxKeptPrints { get; init; } = 4_096;

    /// <summary>Clusters larger than this are not re-split after a deletion (pairwise checks grow
    /// with the square); they keep their key.</summary>
    public int MaxRecheck { get; init; } = 300;
}
