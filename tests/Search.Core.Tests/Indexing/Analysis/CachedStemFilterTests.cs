using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;
using Search.Core.Indexing.Analysis;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Analysis;

/// <summary>The stemmer with a memory must emit what Lucene's SnowballFilter emits, token for token,
/// the first time it meets a word and every time after, exact forms (keywords) left alone.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class CachedStemFilterTests(SeedIndex seeds)
{
    [Fact]
    public void Every_seed_text_stems_as_SnowballFilter_stems_it_on_first_and_later_meetings()
    {
        var texts = seeds.SweptTexts();
        int tokens = 0;
        // Words made up for this test ("marketqzations") are met first here; the seed words, again.
        foreach (string suffix in new[] { "qzations", "qzations", "", "" })
            foreach (string text in texts.Select(t => suffix.Length == 0 ? t : System.Text.RegularExpressions.Regex.Replace(t, @"\b[a-zA-Z]+\b", m => m.Value + suffix)))
            {
                var expected = Tokens(text, s => new SnowballFilter(s, new EnglishStemmer()));
                Assert.Equal(expected, Tokens(text, s => new CachedStemFilter(s, new EnglishStemmer())));
                tokens += expected.Count;
            }
        Assert.True(tokens > 400_000 * SeedIndex.SweptShare, $"{tokens} tokens compared");
    }

    /// <summary>An analyser reuses its chain, so one filter meets every text and its own table of
    /// recent stems fills, and (with a table of a few slots) words keep displacing one another.</summary>
    [Theory]
    [InlineData(8)]
    [InlineData(16_384)]
    public void One_filter_reused_over_every_seed_text_stems_as_SnowballFilter(int slots)
    {
        var texts = seeds.SweptTexts();
        using var expected = Analyzer.NewAnonymous((_, reader) => Chain(reader, s => new SnowballFilter(s, new EnglishStemmer())));
        using var cached = Analyzer.NewAnonymous((_, reader) => Chain(reader, s => new CachedStemFilter(s, new EnglishStemmer(), slots)));
        int tokens = 0;
        // Figures, words with digits, apostrophes and accents, which the filter treats apart.
        texts.Add("3,491,030 18.5 1.2 0.5% 1987 '87 y2k 5bn 10-k o'neill rock'n'roll cafés naïveté ’90s 1,000s ' '' .. ,");
        foreach (string suffix in new[] { "", "qzings", "" })
            foreach (string text in texts.Select(t => suffix.Length == 0 ? t : System.Text.RegularExpressions.Regex.Replace(t, @"\b[a-zA-Z]+\b", m => m.Value + suffix)))
            {
                var want = Tokens(expected, text);
                Assert.Equal(want, Tokens(cached, text));
                tokens += want.Count;
            }
        Assert.True(tokens > 300_000 * SeedIndex.SweptShare, $"{tokens} tokens compared");
    }

    private static TokenStreamComponents Chain(TextReader reader, Func<TokenStream, TokenStream> stem)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        return new TokenStreamComponents(tokenizer, stem(new ExactTermFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer))));
    }

    private static List<(string, bool)> Tokens(Analyzer analyzer, string text) =>
        Collect(analyzer.GetTokenStream("body", text));

    /// <summary>Each token as (term, keyword), through the exact-and-stemmed chain of the index.</summary>
    private static List<(string, bool)> Tokens(string text, Func<TokenStream, TokenStream> stem)
    {
        var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(text));
        return Collect(stem(new ExactTermFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer))));
    }

    /// <summary>Each token of <paramref name="stream"/> as (term, keyword); disposes the stream.</summary>
    private static List<(string, bool)> Collect(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var keyword = stream.AddAttribute<IKeywordAttribute>();
            var result = new List<(string, bool)>();
            stream.Reset();
            while (stream.IncrementToken())
                result.Add((term.ToString(), keyword.IsKeyword));
            stream.End();
            return result;
        }
    }
}
