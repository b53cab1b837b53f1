using Lucene.Net.Search;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>The ranked window is always collected in document order (no out-of-order
/// BooleanScorer); it holds what Lucene's out-of-order collection of the same query holds: the
/// same documents, in the same order, with bit-identical scores, and the same count.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class TopCollectionTests
{
    private readonly SeedIndex _index;

    public TopCollectionTests(SeedIndex index) => _index = index;

    public static TheoryData<string, bool> Queries => new()
    {
        { "\"prime minister\"", false },
        { "government~", false },
        { "minist~1 OR elect*", false },
        { "elect* OR vote", false },
        { "\"climate change\" OR flood OR earthquake OR storm", false },
        { "police OR protest OR election OR russia OR government OR minister OR said", false },
        { "title:election OR body:police", false },
        { "what did the police say about the protest in the capital", true },
        { "russia election -putin", false },
        // Every match ties on score: the window is decided by date, then document.
        { "*", false },
        { "title:election", false },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_window_is_that_of_lucenes_out_of_order_collection(string text, bool matchAny)
    {
        _index.Parsed(new SearchRequest { Query = text, MatchAny = matchAny }, (s, plan) =>
        {
            var query = s.Expand(plan.Query);
            var sort = SortOrders.For(SortOrder.Relevance);
            foreach (int window in new[] { 1, 10, 100 })
            {
                var expected = TopFieldCollector.Create(sort, window, false, true, false, docsScoredInOrder: false);
                s.Search(ScoredWindows.Plain(query), expected);
                var top = new TopCollection(s, query, sort);
                s.Run(query, null, _ => top.Create(window));
                Assert.True(expected.TotalHits > 0, $"{text}: nothing found, the comparison would mean nothing");
                Assert.Equal(expected.TotalHits, top.TotalHits);
                Assert.Equal(ScoredWindows.Describe(expected.GetTopDocs().ScoreDocs), ScoredWindows.Describe(top.Top(window)));
            }
            return 0;
        }, bind: true);
    }
}
