using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Analysis;

/// <summary>The English index chain's one filter must give what the chain it replaces gives
/// (possessives, lower case, ASCII folding, exact copy, stop words, stemmer, one term per token), token for token: term, position
/// increment, offsets and the final offset the writer reads, with stop words and without.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class EnglishIndexTermsTests(SeedIndex seeds)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_seed_text_gives_the_tokens_of_the_two_token_chain(bool stopWords)
    {
        var settings = AnalysisSettings.Default with { StopWords = stopWords };
        using var fused = new ArticleAnalyzer(settings, TextMode.Index);
        using var reference = Analyzer.NewAnonymous((_, reader) => TwoTokenChain(reader, stopWords));
        var texts = seeds.SweptTexts();
        texts.Add("The market's markets' O'Neill's cafés naïveté, 3,491,030 18.5 '87 y2k rock'n'roll ’90s. It is what it is; to be or not to be");
        texts.Add("JOHN'S O’NEILL’S ＡＢＣ＇ｓ Café’S CAFÉS ÉCOLE naïve Straße ﬁnance İstanbul ΣΟΦΊΑ Ærø 𝐀𝐁𝐂 s's 's Markets' THE IT'S");
        texts.Add("the");
        texts.Add("");
        texts.Add(new string('x', 300) + " the markets " + new string('y', 256) + " running");
        int tokens = 0, exact = 0, bare = 0;
        foreach (string suffix in new[] { "", "qzings", "" })
            foreach (string text in texts.Select(t => suffix.Length == 0 ? t : System.Text.RegularExpressions.Regex.Replace(t, @"\b[a-zA-Z]+\b", m => m.Value + suffix)))
            {
                var want = Tokens(reference, text);
                Assert.Equal(want, Tokens(fused, text));
                tokens += want.Count - 1;
                exact += want.Count(t => t.Term.StartsWith(Schema.ExactMarker));
                bare += want.Count(t => t.Term.Length > 0 && !t.Term.StartsWith(Schema.ExactMarker));
            }
        Assert.True(tokens > 300_000 * SeedIndex.SweptShare, $"{tokens} tokens compared");
        Assert.True(exact > 50_000 * SeedIndex.SweptShare && bare > 50_000 * SeedIndex.SweptShare, $"{exact} exact forms, {bare} bare stems");
    }

    [Fact]
    public void The_index_chain_is_the_one_filter_and_queries_keep_the_two_token_chain()
    {
        using var index = new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Index);
        using var stream = index.GetTokenStream(Schema.Body, "markets");
        Assert.IsType<EnglishIndexTerms>(stream);
        using var exact = new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Exact);
        using var query = exact.GetTokenStream(Schema.Body, "markets");
        Assert.IsType<OneTermPerToken>(query);
    }

    /// <summary>The chain the index used before: every word as an exact copy and a stem, collapsed at the end.</summary>
    private static TokenStreamComponents TwoTokenChain(TextReader reader, bool stopWords)
    {
        var tokenizer = new StandardTokenizer(ArticleAnalyzer.Version, reader);
        TokenStream stream = new ASCIIFoldingFilter(new InvariantLowerCase(new EnglishPossessiveFilter(ArticleAnalyzer.Version, tokenizer)));
        stream = new ExactTermFilter(stream);
        if (stopWords)
            stream = new StopFilter(ArticleAnalyzer.Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new CachedStemFilter(stream, new EnglishStemmer());
        return new TokenStreamComponents(tokenizer, new OneTermPerToken(stream));
    }

    /// <summary>Each token as (term, position increment, start, end), then ("", 0, final offset, 0) after End.</summary>
    private static List<(string Term, int Increment, int Start, int End)> Tokens(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream(Schema.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var result = new List<(string, int, int, int)>();
        stream.Reset();
        while (stream.IncrementToken())
            result.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        stream.End();
        result.Add(("", increment.PositionIncrement, offset.EndOffset, 0));
        return result;
    }
}
