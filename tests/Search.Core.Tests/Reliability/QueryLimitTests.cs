using System.Diagnostics;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Reliability;

/// <summary>The queries the fuzz test found slow or unclear, pinned down: each answers or fails
/// with a short, clear error well within a second.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class QueryLimitTests
{
    private readonly SeedIndex _seed;

    public QueryLimitTests(SeedIndex seed) => _seed = seed;

    private (SearchResult? Result, QuerySyntaxException? Error, TimeSpan Took) Run(string query)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var r = _seed.Searcher.Search(new SearchRequest { Query = query, Snippets = true, Suggest = true, Facets = new[] { "source", "year" } });
            return (r, null, clock.Elapsed);
        }
        catch (QuerySyntaxException e)
        {
            return (null, e, clock.Elapsed);
        }
    }

    [Fact]
    public void A_40000_letter_word_is_answered_quickly_without_respelling_it()
    {
        Run("warmup");
        var (result, _, took) = Run(new string('a', 40_000));
        Assert.NotNull(result);
        Assert.Null(result!.Suggestion);
        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took.TotalMilliseconds:F0} ms");
    }

    [Theory]
    [InlineData(65)]
    [InlineData(500)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void Too_many_words_is_a_short_clear_error_not_a_slow_query(int words)
    {
        Run("warmup");
        string q = string.Join(" OR ", Enumerable.Range(0, words).Select(i => "w" + i));
        var (_, error, took) = Run(q);
        Assert.NotNull(error);
        Assert.Contains("too many words", error!.Message);
        Assert.True(error.Message.Length < 200, error.Message);
        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Sixty_four_words_still_search()
    {
        // One real word among 63 that match nothing: the 64-word query finds what the word finds
        // (before, this only checked that some result came back).
        var (result, error, _) = Run(string.Join(" OR ", new[] { "russia" }.Concat(Enumerable.Range(1, 63).Select(i => "w" + i))));
        Assert.Null(error);
        Assert.True(result!.Total > 0);
        Assert.Equal(_seed.Search("russia").Total, result.Total);
    }
}
