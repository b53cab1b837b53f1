using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>A fuzzy word's clauses sharing their automata expand to what Lucene's own rewrite
/// gives each of them: the same terms with the same boosts, in every field.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class SharedFuzzyAutomataTests
{
    private readonly SeedIndex _index;

    public SharedFuzzyAutomataTests(SeedIndex index) => _index = index;

    [Theory]
    [InlineData("goverment~")]
    [InlineData("title:goverment~ OR goverment~")]
    [InlineData("electon~ OR minster~1 police")]
    [InlineData("title:protst~ OR protst~")]
    [InlineData("\"prime minister\" goverment~ -elction~")]
    [InlineData("goverment~ election vote")]
    [InlineData("police protst~ arrested crowd")]
    public void Shared_automata_expand_as_lucene_does(string text)
    {
        _index.Parsed(new SearchRequest { Query = text }, (s, plan) =>
        {
            var shared = SharedFuzzyAutomata.Share(plan.Query);
            Assert.NotSame(plan.Query, shared); // some automata are shared, or the test compares nothing
            string expected = s.Rewrite(plan.Query).ToString();
            Assert.Contains("^0.", expected, StringComparison.Ordinal); // fuzzy terms were found
            var expanded = s.Expand(plan.Query);
            Assert.Equal(expected, expanded.ToString());
            // The ranking's proximity clauses survive (they are held beside the query's clauses).
            Assert.Equal(s.Rewrite(plan.Query).GetType(), expanded.GetType());
            return 0;
        });
    }

    [Fact]
    public void A_query_with_no_word_in_two_fuzzy_clauses_is_left_as_it_is()
    {
        var query = new BooleanQuery { { new FuzzyQuery(new Term("title", "police")), Occur.SHOULD }, { new FuzzyQuery(new Term("body", "polis")), Occur.SHOULD } };
        Assert.Same(query, SharedFuzzyAutomata.Share(query));
    }
}
