namespace Search.Core.Querying;

/// <summary>The answer to <see cref="ArticleSearcher.Related"/>: articles like the seed, one per
/// story, the seed and its copies left out. Property names are the JSON of `search related --json`.</summary>
public sealed class RelatedResult
{
    public required string SeedId { get; init; }
    public required string SeedTitle { get; init; }
    /// <summary>Copies of the seed that were left out.</summary>
    public required int SeedCopies { get; init; }
    public required IReadOnlyList<Hit> Hits { get; init; }
    public required double TookMs { get; set; }
}
