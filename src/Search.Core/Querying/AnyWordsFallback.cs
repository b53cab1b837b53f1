using System.Diagnostics;

namespace Search.Core.Querying;

/// <summary>
/// A query of plain words only (no quotes, operators, fields or patterns) that no article has all
/// of, or that has more words than a query may require, is answered as keywords of which any may
/// match, best first, and says so (<see cref="SearchResult.AnyWords"/>): a sentence pasted from a
/// brief finds what it is about instead of nothing.
/// </summary>
internal static partial class AnyWordsFallback
{
    public static SearchResult Search(SearchRequest request, Func<SearchRequest, SearchResult> searchAsGiven)
    {
        if (request.MatchAny || !PlainWords().IsMatch(request.Query) || request.Query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < 2)
            return searchAsGiven(request);
        var clock = Stopwatch.StartNew();
        SearchResult? strict = null;
        try
        {
            strict = searchAsGiven(request);
        }
        catch (QuerySyntaxException)
        {
            // Too many words to require them all: answered as keywords below.
        }
        if (strict is { Total: > 0 })
            return strict;
        // The strict attempt already looked for a respelling (the costly part of an empty result).
        var any = searchAsGiven(request.AsAnyWords(suggest: request.Suggest && strict == null));
        if (any.Total == 0)
            return strict ?? any;
        any.AnyWords = true;
        any.TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 2); // both attempts
        // A respelling that finds the words together beats any-word matches: keep offering it.
        any.Suggestion = strict?.Suggestion ?? any.Suggestion;
        return any;
    }

    /// <summary>Whether <see cref="Search"/> answers <paramref name="request"/> as any of its words
    /// (a count only: no page, facets, snippets or respelling).</summary>
    public static bool Applies(SearchRequest request, Func<SearchRequest, SearchResult> searchAsGiven) =>
        !request.MatchAny && PlainWords().IsMatch(request.Query) && request.Query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 2
        && Search(request with { Offset = 0, Limit = 0, Facets = Array.Empty<string>(), Snippets = false, Suggest = false }, searchAsGiven).AnyWords;

    /// <summary>Letters, digits, apostrophes, hyphens inside words, sentence punctuation: no query
    /// syntax (AND, OR, NOT and TO in capitals are operators).</summary>
    [GeneratedRegex(@"^(?!.*\b(AND|OR|NOT|TO)\b)(?:[\p{L}\p{N}\s'’.,;!?]|(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}]))*$")]
    private static partial Regex PlainWords();
}
