using Lucene.Net.Search;
using Search.Core.Querying;
using Search.Core.Querying.Ranking;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>Skipping the proximity clauses of matches that cannot reach the ranked window changes
/// nothing: the same documents, in the same order, with bit-identical scores and the same count as
/// Lucene's own BooleanQuery of the query and its proximity clauses.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class ProximityScoringTests
{
    private readonly SeedIndex _index;

    public ProximityScoringTests(SeedIndex index) => _index = index;

    public static TheoryData<string, bool> Queries => new()
    {
        { "police protest", false },
        { "russia election results", false },
        { "government minister said", false },
        { "police protest", true },
        { "climate change protest police", true },
        { "earthquake OR flood damage", false },
        { "russia election -putin", false },
        { "\"prime minister\" election vote", false },
        { "government~ election vote", false },
        { "title:election police arrested", false },
    };

    [Fact]
    public void Windows_are_those_of_the_plain_boolean_query()
    {
        // The comparison means something: with the seeds' matches, small windows skip some.
        int skipped = Queries.Sum(q => Compare((string)q[0], (bool)q[1]));
        Assert.True(skipped > 50, $"only {skipped} matches skipped");
    }

    private int Compare(string text, bool matchAny)
    {
        int skipped = 0;
        _index.Parsed(new SearchRequest { Query = text, MatchAny = matchAny }, (s, plan) =>
        {
            var query = s.Expand(plan.Query);
            Assert.True(Contains(query), $"{text}: no proximity clauses in {query}");
            var sort = SortOrders.For(SortOrder.Relevance);
            foreach (int window in new[] { 1, 3, 10, 30 })
            {
                var expected = TopFieldCollector.Create(sort, window, false, true, false, docsScoredInOrder: true);
                s.Search(ScoredWindows.Plain(query), expected);
                var top = new RelevanceWindow(window, SortOrders.UndatedNewestFirst);
                s.Run(query, null, _ => top);
                Assert.Equal(expected.TotalHits, top.TotalHits);
                Assert.Equal(ScoredWindows.Describe(expected.GetTopDocs().ScoreDocs), ScoredWindows.Describe(top.Page(0, window)));
                skipped += top.Skipped;
            }
            return 0;
        }, bind: true);
        return skipped;
    }

    [Fact]
    public void Pages_of_the_searcher_are_those_of_the_plain_boolean_query()
    {
        foreach (string text in new[] { "police protest", "russia election results" })
        {
            var request = new SearchRequest { Query = text, Limit = 10, Offset = 5, Collapse = false, Snippets = false, Suggest = false };
            var page = _index.Searcher.Search(request).Hits.Select(h => (h.Id, h.Score)).ToList();
            var all = _index.Searcher.Search(request with { Offset = 0, Limit = 1000 }).Hits.Select(h => (h.Id, h.Score)).ToList();
            Assert.Equal(all.Skip(5).Take(10), page);
        }
    }

    private static bool Contains(Query query) => query switch
    {
        ProximityScored => true,
        BooleanQuery b => b.Clauses.Any(c => Contains(c.Query)),
        _ => false,
    };
}
