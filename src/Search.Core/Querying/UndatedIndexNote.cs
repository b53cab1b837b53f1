using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// Why a date in a query found nothing when the index holds no dated article at all (BBC's
/// archive, a folder of text files without date lines): "No results for published:2005" alone
/// reads as "nothing was published in 2005". Asked only of a query with no hits, so a query that
/// finds something pays nothing for it.
/// </summary>
public static partial class UndatedIndexNote
{
    /// <summary>The note, or null when the query names no date or some article has one.</summary>
    public static string? For(string query, IndexReader reader) =>
        DateField().IsMatch(query) && !HasDates(reader)
            ? "no article in this index has a date (`search stats` says so), so a date in the query (published:, date:, year:, month:) matches nothing"
            : null;

    private static bool HasDates(IndexReader reader) =>
        MultiFields.GetTerms(reader, Schema.Published) is { } terms && terms.DocCount != 0;

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(published|date|year|month)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateField();
}
