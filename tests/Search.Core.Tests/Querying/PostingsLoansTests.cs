using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Ranking;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>The proximity pairs' position enumerators and the combined field's words' documents
/// enumerators, lent for one search and reused by the next (pointed at other words' terms), give
/// the windows fresh enumerators give; a lent word scores as Lucene's TermQuery.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class PostingsLoansTests
{
    private readonly SeedIndex _index;

    public PostingsLoansTests(SeedIndex index) => _index = index;

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
    public void A_lent_word_scores_as_lucenes_term_query()
    {
        _index.Parsed(new SearchRequest { Query = "police" }, (s, _) =>
        {
            foreach (string word in new[] { "polic", "protest", "elect", "russia", "govern", "minist", "polic" })
            {
                var term = new Term(Schema.AllText, word);
                var expected = new RelevanceWindow(50, SortOrders.UndatedNewestFirst);
                s.Search(new TermQuery(term) { Boost = 1.5f }, expected);
                var lent = new RelevanceWindow(50, SortOrders.UndatedNewestFirst);
                s.Run(new LentTermQuery(term) { Boost = 1.5f }, null, _ => lent);
                Assert.True(expected.TotalHits > 0, $"{word}: nothing found, the comparison would mean nothing");
                Assert.Equal(expected.TotalHits, lent.TotalHits);
                Assert.Equal(ScoredWindows.Describe(expected.Page(0, 50)), ScoredWindows.Describe(lent.Page(0, 50)));
                int doc = expected.Page(0, 1)[0].Doc;
                Assert.Equal(s.Explain(new TermQuery(term) { Boost = 1.5f }, doc).ToString(), s.Explain(new LentTermQuery(term) { Boost = 1.5f }, doc).ToString());
            }
            var leaf = s.IndexReader.Leaves[0];
            int spares = PostingsLoans.SpareDocsCount(leaf, Schema.AllText);
            Assert.True(spares > 0, "no documents enumerator was given back");
            s.Run(new LentTermQuery(new Term(Schema.AllText, "polic")), null, _ => new RelevanceWindow(10, SortOrders.UndatedNewestFirst));
            Assert.Equal(spares, PostingsLoans.SpareDocsCount(leaf, Schema.AllText));
            return 0;
        }, bind: true);
    }

    [Fact]
    public void Enumerators_are_given_back_after_a_search_and_reused_by_the_next()
    {
        _index.Parsed(new SearchRequest { Query = "police protest" }, (s, plan) =>
        {
            var query = s.Expand(plan.Query);
            var leaf = s.IndexReader.Leaves[0];
            s.Run(query, null, _ => new RelevanceWindow(10, SortOrders.UndatedNewestFirst));
            int spares = PostingsLoans.SpareCount(leaf, Schema.Body);
            Assert.True(spares > 0, "no enumerator was given back");
            for (int i = 0; i < 3; i++)
                s.Run(query, null, _ => new RelevanceWindow(10, SortOrders.UndatedNewestFirst));
            Assert.Equal(spares, PostingsLoans.SpareCount(leaf, Schema.Body));
            return 0;
        }, bind: true);
    }
}
