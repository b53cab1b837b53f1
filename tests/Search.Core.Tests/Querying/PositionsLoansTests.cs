using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Ranking;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>The proximity pairs' position enumerators, lent for one search and reused by the
/// next (pointed at other words' terms), give the windows fresh enumerators give.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class PositionsLoansTests
{
    private readonly SeedIndex _index;

    public PositionsLoansTests(SeedIndex index) => _index = index;

    private static readonly string[] Queries =
    {
        "police protest", "russia election results", "climate change", "police arrested crowd", "government minister", "police protest",
    };

    [Fact]
    public void Reused_enumerators_give_the_windows_of_new_ones()
    {
        foreach (string text in Queries)
        {
            _index.Parsed(new SearchRequest { Query = text }, (s, plan) =>
            {
                var query = s.Expand(plan.Query);
                foreach (int window in new[] { 1, 10, 100 })
                {
                    // IndexSearcher.Search opens no loan scope: every enumerator is new.
                    var fresh = new RelevanceWindow(window, SortOrders.UndatedNewestFirst);
                    s.Search(query, fresh);
                    var lent = new RelevanceWindow(window, SortOrders.UndatedNewestFirst);
                    s.Run(query, null, _ => lent);
                    Assert.True(fresh.TotalHits > 0, $"{text}: nothing found, the comparison would mean nothing");
                    Assert.Equal(fresh.TotalHits, lent.TotalHits);
                    Assert.Equal(ScoredWindows.Describe(fresh.Page(0, window)), ScoredWindows.Describe(lent.Page(0, window)));
                }
                return 0;
            }, bind: true);
        }
    }

    [Fact]
    public void Enumerators_are_given_back_after_a_search_and_reused_by_the_next()
    {
        _index.Parsed(new SearchRequest { Query = "police protest" }, (s, plan) =>
        {
            var query = s.Expand(plan.Query);
            var leaf = s.IndexReader.Leaves[0];
            s.Run(query, null, _ => new RelevanceWindow(10, SortOrders.UndatedNewestFirst));
            int spares = PositionsLoans.SpareCount(leaf, Schema.Body);
            Assert.True(spares > 0, "no enumerator was given back");
            for (int i = 0; i < 3; i++)
                s.Run(query, null, _ => new RelevanceWindow(10, SortOrders.UndatedNewestFirst));
            Assert.Equal(spares, PositionsLoans.SpareCount(leaf, Schema.Body));
            return 0;
        }, bind: true);
    }
}
