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

    /// <summary>(band key, article) entries held at once when looking for candidates: 8 bytes
    /// each, so 8 MB at most (and 12 bytes an article), whatever the size of the index (a pass per group of bands: one for
    /// 25,000 articles, eight for 200,000, one per band from 1,000,000, each a read of the band keys'
    /// doc values, about 0.1 s per million articles).</summary>
    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>Fingerprints kept per pass for verifying more pairs (20 KB or so each for a news
    /// article: the text, its shingles and words); a new article's pairs are verified together, so
    /// its own is made once whatever this says.</summary>
    public int MaxKeptPrints { get; init; } = 1_024;

    /// <summary>Clusters larger than this are not re-split after a deletion (pairwise checks grow
    /// with the square); they keep their key.</summary>
    public int MaxRecheck { get; init; } = 300;
}
