using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>The Lucene sort of each <see cref="SortOrder"/>.</summary>
internal static class SortOrders
{
    /// <summary>Score, then newer first; what <see cref="Ranking.RelevanceWindow"/> collects.</summary>
    public static readonly Sort Relevance = new(SortField.FIELD_SCORE, ByDate(newestFirst: true));

    /// <summary>The date an undated article sorts as, newest first: before every dated one's.</summary>
    public const long UndatedNewestFirst = 0L;
    private static readonly Sort Newest = new(ByDate(newestFirst: true), SortField.FIELD_SCORE);
    private static readonly Sort Oldest = new(ByDate(newestFirst: false), SortField.FIELD_SCORE);

    /// <summary>Relevance with ties broken by newer first; by date with undated articles last in
    /// either direction and ties by score.</summary>
    public static Sort For(SortOrder order) => order switch
    {
        SortOrder.Newest => Newest,
        SortOrder.Oldest => Oldest,
        _ => Relevance,
    };

    private static SortField ByDate(bool newestFirst) =>
        new(Schema.PublishedSort, new DateSortSource(missingValue: newestFirst ? UndatedNewestFirst : long.MaxValue), newestFirst);
}
