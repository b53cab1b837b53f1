using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>The Lucene sort of each <see cref="SortOrder"/>.</summary>
internal static class SortOrders
{
    private static readonly Sort Relevance = new(SortField.FIELD_SCORE, ByDate(newestFirst: true));
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
        new(Schema.PublishedSort, new DateSortSource(missingValue: newestFirst ? 0L : long.MaxValue), newestFirst);
}
