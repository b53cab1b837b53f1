using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Analysis;

/// <summary>The combined ranking field replays the body's stemmed terms instead of analysing the
/// body again: on the seed articles it must hold exactly what analysing it would give.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class BodyTokensTests(SeedIndex seeds)
{
    [Fact]
    public void The_combined_field_replayed_from_the_body_equals_the_body_analysed_again()
    {
        var articles = SeedArticles();
        Assert.Equal(296, articles.Count);
        long before = Interlocked.Read(ref BodyTokens.Replays);
        using var replayed = Index(articles, replay: true);
        Assert.True(Interlocked.Read(ref BodyTokens.Replays) - before >= articles.Count, "every body was replayed");
        using var analysed = Index(articles, replay: false);

        using var a = DirectoryReader.Open(replayed);
        using var b = DirectoryReader.Open(analysed);
        var terms = Terms(a);
        Assert.True(terms.Count > 5_000);
        Assert.Equal(Terms(b), terms);
        var normsA = MultiDocValues.GetNormValues(a, Schema.AllText);
        var normsB = MultiDocValues.GetNormValues(b, Schema.AllText);
        for (int d = 0; d < a.MaxDoc; d++)
            Assert.Equal(normsB.Get(d), normsA.Get(d));
    }

    private List<Article> SeedArticles()
    {
        using var dir = FSDirectory.Open(seeds.IndexPath);
        using var reader = DirectoryReader.Open(dir);
        return Enumerable.Range(0, reader.MaxDoc).Select(d => ArticleDocument.Load(reader.Document(d))).ToList();
    }

    private static RAMDirectory Index(List<Article> articles, bool replay)
    {
        var dir = new RAMDirectory();
        var config = new IndexWriterConfig(ArticleAnalyzer.Version, new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Index))
        {
            Similarity = new BM25Similarity(),
        };
        using var writer = new IndexWriter(dir, config);
        var state = new FileState("hash", 1, 1);
        foreach (var article in articles)
        {
            var doc = ArticleDocument.Build(article, state, article.FullPath ?? article.File, UInt128.One, duplicates: false);
            if (!replay)
            {
                // The combined field as it was before the replay: title twice and the body, each analysed.
                doc.RemoveFields(Schema.AllText);
                for (int i = 0; i < Schema.AllTextTitleRepeats; i++)
                    doc.Add(new Field(Schema.AllText, article.Title, Schema.AllTextType));
                doc.Add(new Field(Schema.AllText, article.Body, Schema.AllTextType));
            }
            writer.AddDocument(doc);
        }
        writer.Commit();
        return dir;
    }

    private static Dictionary<string, (int, long)> Terms(DirectoryReader reader)
    {
        var result = new Dictionary<string, (int, long)>();
        var terms = MultiFields.GetTerms(reader, Schema.AllText).GetEnumerator();
        while (terms.MoveNext())
            result[terms.Term.Utf8ToString()] = (terms.DocFreq, terms.TotalTermFreq);
        return result;
    }
}
