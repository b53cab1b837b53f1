using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Xunit;

namespace Search.Core.Tests.Indexing.Analysis;

/// <summary>Each word of a title or body is one indexed term at its own position: a stop word as
/// its exact form, a word that is its own stem bare, any other word as its exact form; an exact
/// query analyses to the very same terms.</summary>
public sealed class OneTermPerTokenTests
{
    private static readonly ArticleAnalyzers English = new(AnalysisSettings.Default);

    [Fact]
    public void Each_kind_of_word_is_one_term()
    {
        // the: stop word; markets: stem market differs; market: its own stem; running: stem run.
        Assert.Equal(
            [("=the", 1), ("=markets", 1), ("market", 1), ("=running", 1), ("run", 1)],
            Terms(English.Index, Schema.Body, "The markets market running run"));
    }

    [Fact]
    public void Stop_words_first_last_and_in_a_row_keep_their_positions()
    {
        Assert.Equal(
            [("=of", 1), ("=the", 1), ("=markets", 1), ("=in", 1), ("=a", 1)],
            Terms(English.Index, Schema.Title, "Of the markets in a"));
        Assert.Equal([("=to", 1)], Terms(English.Index, Schema.Title, "to"));
        Assert.Equal([("=markets", 1)], Terms(English.Index, Schema.Title, "markets"));
        Assert.Empty(Terms(English.Index, Schema.Title, ""));
    }

    [Fact]
    public void Exact_queries_analyse_to_the_terms_indexed()
    {
        const string text = "The Markets of Zürich, market running at the pace it ran";
        Assert.Equal(Terms(English.Index, Schema.Body, text), Terms(English.Exact, Schema.Body, text));
        Assert.Equal(["=the", "=markets", "=of", "zurich", "market", "=running", "=at", "=the", "pace", "=it", "ran"],
            Terms(English.Exact, Schema.Title, text).Select(t => t.Term));
    }

    [Fact]
    public void The_combined_field_still_gets_every_stem()
    {
        Assert.Equal(["market", "market", "run"], AnalyzedTerms.Of(English.Index, Schema.AllText, "The markets market running"));
        Assert.Equal(["market", "market", "run"], AnalyzedTerms.Of(English.Stemmed, Schema.Body, "The markets market running"));
    }

    [Fact]
    public void Snippets_still_see_each_word_and_its_stem()
    {
        Assert.Equal([("=the", 1), ("=markets", 1), ("market", 0), ("=market", 1), ("market", 0)],
            Terms(English.Pairs, Schema.Body, "The markets market"));
    }

    [Theory]
    [InlineData("de", "Die Kinder spielen im Garten mit dem Kind", new[] { "=die", "=kinder", "=spielen", "=im", "=garten", "=mit", "=dem", "kind" })]
    [InlineData("fr", "Les élections de l'État", new[] { "=les", "=elections", "=de", "etat" })]
    [InlineData("ru", "Время выборов и времени", new[] { "=время", "=выборов", "=и", "=времени" })]
    public void Every_language_chain_gives_one_term_per_word(string language, string text, string[] expected)
    {
        var analyzers = English.For(language);
        var index = Terms(analyzers.Index, Schema.Body, text);
        Assert.All(index, t => Assert.Equal(1, t.Increment));
        Assert.Equal(expected, index.Select(t => t.Term));
        Assert.Equal(index, Terms(analyzers.Exact, Schema.Body, text));
        // The rule itself: bare when the language's stem is the word, the exact form otherwise.
        foreach (string term in expected)
        {
            string word = term.TrimStart(Schema.ExactMarker);
            string? stem = StemForms.StemOf(analyzers.Stemmed, word);
            Assert.Equal(stem == word, term[0] != Schema.ExactMarker);
        }
    }

    private static List<(string Term, int Increment)> Terms(Lucene.Net.Analysis.Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add((term.ToString(), increment.PositionIncrement));
        stream.End();
        return terms;
    }
}
