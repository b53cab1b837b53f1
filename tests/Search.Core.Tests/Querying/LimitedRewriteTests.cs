using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Querying;
using Search.Core.Snippets;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>
/// A pattern is rewritten as Lucene's default constant-score rewrite rewrites it (the filter for a
/// pattern over many documents, a query of its terms for one over few), after one walk that counts
/// its terms, refuses too many and keeps them for the snippets: compared with Lucene's own rewrite
/// and with a walk of the terms dictionary, over two segments of 20,000 documents where each
/// number is a term of one document (so both of the default's choices are made).
/// </summary>
public sealed class LimitedRewriteTests : IDisposable
{
    private const string Name = "f";
    private readonly RAMDirectory _dir = new();
    private readonly DirectoryReader _reader;

    public LimitedRewriteTests()
    {
        var config = new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48));
        using (var writer = new IndexWriter(_dir, config))
        {
            for (int i = 0; i < 20_000; i++)
            {
                writer.AddDocument(new Document { new TextField(Name, $"n{i} even{i % 2} tens{i / 10}", Field.Store.NO) });
                if (i == 12_345)
                    writer.Commit(); // a second segment: terms met in both are counted in each
            }
        }
        _reader = DirectoryReader.Open(_dir);
    }

    [Theory]
    [InlineData("n1999")]   // 11 terms, 11 documents: below the cutoff of 20, a query of the terms
    [InlineData("n19999")]  // one term, one document
    [InlineData("n1")]      // 11,111 terms: the filter
    [InlineData("even")]    // two terms in every document: the filter
    [InlineData("tens123")] // 11 terms, 110 documents, one term in both segments: the filter
    [InlineData("tens1234")] // one term in both segments, 10 documents: the query
    [InlineData("tens1999")]
    [InlineData("none")]    // no term at all
    public void Rewrites_as_Lucenes_default_and_keeps_the_terms(string prefix)
    {
        Assert.True(_reader.Leaves.Count >= 2);
        var query = new PrefixQuery(new Term(Name, prefix)) { Boost = 1.5f };
        var expected = MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT.Rewrite(_reader, query);
        var actual = new LimitedRewrite(20_000).Rewrite(_reader, query);
        Assert.Equal(expected.ToString(), actual.ToString());
        Assert.Equal(expected, actual);
        var searcher = new IndexSearcher(_reader);
        Assert.Equal(Hits(searcher, expected), Hits(searcher, actual));

        var walked = Walk(query);
        Assert.True(PatternTerms.TryGet(query, _reader, out var kept));
        if (walked.Count > PatternTerms.MaxKept)
            Assert.Null(kept);
        else
            Assert.Equal(walked.Order(StringComparer.Ordinal), kept!.Order(StringComparer.Ordinal));
        using var other = DirectoryReader.Open(_dir);
        Assert.False(PatternTerms.TryGet(query, other, out _));
    }

    [Fact]
    public void Too_many_terms_are_refused()
    {
        var e = Assert.Throws<TooManyTermsException>(() => new LimitedRewrite(100).Rewrite(_reader, new PrefixQuery(new Term(Name, "n1"))));
        Assert.Equal("n1*", e.Pattern);
        Assert.IsType<ConstantScoreQuery>(new LimitedRewrite(11_111).Rewrite(_reader, new PrefixQuery(new Term(Name, "n1"))));
    }

    private static List<(int, float)> Hits(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 50_000).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();

    private HashSet<string> Walk(MultiTermQuery query)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in _reader.Leaves)
        {
            var e = query.GetTermsEnum(leaf.AtomicReader.GetTerms(Name));
            while (e.MoveNext())
                found.Add(e.Term.Utf8ToString());
        }
        return found;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _dir.Dispose();
    }
}
