using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>"Did you mean" over seeds/: words respelled to words the articles have, case kept,
/// operators and fields left alone, known words not touched.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class SpellingSuggesterTests
{
    private readonly SeedIndex _index;

    public SpellingSuggesterTests(SeedIndex index) => _index = index;

    [Theory]
    [InlineData("kazakstan", "kazakhstan")]
    [InlineData("Kazakstan", "Kazakhstan")]
    [InlineData("KAZAKSTAN", "KAZAKHSTAN")]
    [InlineData("body:kazakstan", "body:kazakhstan")]
    [InlineData("\"kazakstan\" fsb", "\"kazakhstan\" fsb")]
    [InlineData("kazakstan AND NOT putin", "kazakhstan AND NOT putin")]
    public void Respells_unknown_words_and_keeps_the_rest_as_typed(string query, string expected)
    {
        Assert.Equal(expected, _index.Search(query).Suggestion);
    }

    [Theory]
    [InlineData("russia")] // found: nothing to suggest
    [InlineData("xqzvvy")] // nothing close
    [InlineData("kazakst*")] // a pattern is left as typed
    [InlineData("kazakstan~")] // a fuzzy word is left as typed
    [InlineData("/regex/")] // a regular expression's letters are a pattern (it was offered /refer/)
    [InlineData("/kazak.tan/")]
    [InlineData("kaz*kstan")] // so are the letters after a wildcard
    [InlineData("title:kazakstan")] // kazakhstan is in no title: a suggestion must find more than the query
    public void No_suggestion_when_none_helps(string query)
    {
        Assert.Null(_index.Search(query).Suggestion);
    }

    [Fact]
    public void A_urls_slashes_in_a_phrase_open_no_regular_expression()
    {
        // Three slashes in the quoted URL: counted as regular expression marks, they would leave
        // every word after them unrespelled.
        var words = RespellableWords.In("url:\"https://x.example/a\" kazakstan /regex/ kaz*kstan").Select(m => m.Value);
        Assert.Equal(["x", "example", "a", "kazakstan"], words);
    }

    [Fact]
    public void Edit_distance_counts_transpositions_as_one()
    {
        Assert.Equal(1, WordDistance.Edits("recieve", "receive"));
        Assert.Equal(1, WordDistance.Edits("vladmir", "vladimir"));
        Assert.Equal(2, WordDistance.Edits("blare", "blair"));
    }

    [Fact]
    public void Soundex_groups_words_that_sound_alike()
    {
        Assert.Equal("B460", WordDistance.Soundex("blare"));
        Assert.Equal(WordDistance.Soundex("blare"), WordDistance.Soundex("blair"));
        Assert.NotEqual(WordDistance.Soundex("blare"), WordDistance.Soundex("blame"));
        Assert.Equal("R163", WordDistance.Soundex("robert"));
        Assert.Equal(WordDistance.Soundex("robert"), WordDistance.Soundex("rupert"));
        Assert.Equal("A261", WordDistance.Soundex("ashcraft")); // h between two same codes: one code
    }
}

/// <summary>The examples of issue 15 over BBC news: context and sound decide between close spellings.</summary>
public sealed class SpellingSuggesterBbcTests : IClassFixture<SpellingSuggesterBbcTests.BbcIndex>
{
    private readonly BbcIndex _bbc;

    public SpellingSuggesterBbcTests(BbcIndex bbc) => _bbc = bbc;

    [SharedTheory]
    [InlineData("vladmir putin", "vladimir putin")] // not "vladimir putting": putin is known, and found with vladimir
    [InlineData("Vladmir Putin", "Vladimir Putin")]
    [InlineData("tony blare", "tony blair")] // not "tony blame" (one edit, but rarely with tony) nor "tony are" (a stop word)
    [InlineData("gordon brwon", "gordon brown")]
    [InlineData("goverment", "government")]
    [InlineData("Zurch", "Zurich")]
    [InlineData("Zürch", "Zurich")]
    public void Suggests_what_was_meant(string query, string expected)
    {
        Assert.Equal(expected, _bbc.Searcher!.Search(new SearchRequest { Query = query, Limit = 0 }).Suggestion);
    }

    [SharedFact]
    public void Words_the_index_knows_well_are_not_respelled()
    {
        Assert.Null(_bbc.Searcher!.Search(new SearchRequest { Query = "putin zurich", Limit = 0 }).Suggestion);
        Assert.Null(_bbc.Searcher!.Search(new SearchRequest { Query = "Zürich", Limit = 0 }).Suggestion);
    }

    public sealed class BbcIndex : IDisposable
    {
        private readonly TempDir _dir = new();

        public BbcIndex()
        {
            if (SharedCorpus.Root == null)
                return;
            string index = Path.Combine(_dir.Path, "index");
            IndexBuilder.Build(new BuildOptions { Roots = new[] { SharedCorpus.Path("corpora", "bbc") }, IndexPath = index });
            Searcher = ArticleSearcher.Open(index);
        }

        public ArticleSearcher? Searcher { get; }

        public void Dispose()
        {
            Searcher?.Dispose();
            _dir.Dispose();
        }
    }
}
