using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// Why a date in a query found nothing when the index holds no dated article at all (BBC's
/// archive, a folder of text files without date lines): "No results for published:2005" alone
/// reads as "nothing was published in 2005"; a search sorted newest first gives the ranking's order
/// without a word. Asked only of a query with no hits or sorted by date, so a plain search that
/// finds something pays nothing for it.
/// </summary>
public static partial class UndatedIndexNote
{
    /// <summary>The note, or null when the query names no date or some article has one.</summary>
    public static string? For(string query, IndexReader reader) =>
        DateField().IsMatch(query) && !HasDates(reader)
            ? "no article in this index has a date (`search stats` says so), so a date in the query (published:, date:, year:, month:) matches nothing"
            : null;

    /// <summary>The note for a search sorted by date on such an index: every article ties, so the
    /// order is the ranking's; null when the sort is by relevance or some article has a date.</summary>
    public static string? ForSort(SortOrder sort, IndexReader reader) =>
        sort != SortOrder.Relevance && !HasDates(reader)
            ? $"no article in this index has a date (`search stats` says so), so {(sort == SortOrder.Newest ? "newest" : "oldest")} first is the ranking's order"
            : null;

    private static bool HasDates(IndexReader reader) =>
        MultiFields.GetTerms(reader, Schema.Published) is { } terms && terms.DocCount != 0;

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(published|date|year|month)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateField();
}
