using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Indexing.Writing;
using Search.Core.Ingest;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

public sealed class ParallelFlushTests
{
    /// <summary>The seed CSV's articles, as title and body.</summary>
    private static List<Article> SeedArticles()
    {
        string path = Path.Combine(RepoPaths.Seeds, "wikinews_2019.csv");
        var file = new SourceFile(path, "wikinews_2019.csv", RepoPaths.Seeds);
        return CsvArticleReader.Read(new StringReader(File.ReadAllText(path)), file)
            .Where(i => i.Article != null).Select(i => i.Article!).ToList();
    }

    private static Document Doc(Article a, TokenStream? body = null) => new()
    {
        new StringField("title", a.Title, Field.Store.YES),
        body != null ? new TextField("body", body) : new TextField("body", a.Body, Field.Store.NO),
    };

    /// <summary>A writer holding two in-memory segments: the first article's document is still
    /// being inverted on one thread (its body waits) while the other thread adds the other half,
    /// so the writer has to give that thread a segment of its own.</summary>
    private static IndexWriter TwoSegmentsInMemory(Lucene.Net.Store.Directory dir, List<Article> articles)
    {
        var writer = new IndexWriter(dir, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48))
        {
            RAMBufferSizeMB = 256,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });
        int half = articles.Count / 2;
        using var inside = new ManualResetEventSlim(false);
        using var otherDone = new ManualResetEventSlim(false);
        var first = Task.Run(() =>
        {
            var analyzer = new WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);
            var waiting = new WaitingTokens(analyzer.GetTokenStream("body", articles[0].Body), inside, otherDone);
            writer.AddDocument(Doc(articles[0], waiting));
            foreach (var a in articles.Skip(1).Take(half - 1))
                writer.AddDocument(Doc(a));
        });
        inside.Wait();
        foreach (var a in articles.Skip(half))
            writer.AddDocument(Doc(a));
        otherDone.Set();
        first.Wait();
        return writer;
    }

    [Fact]
    public void Every_buffered_article_is_flushed_and_nothing_is_added()
    {
        var articles = SeedArticles();
        Assert.True(articles.Count >= 20, "the seed CSV has articles");
        using var dir = new RAMDirectory();
        using var writer = TwoSegmentsInMemory(dir, articles);
        Assert.Equal(articles.Count, writer.NumRamDocs());

        ParallelFlush.Run(writer, threads: 2);

        Assert.Equal(0, writer.NumRamDocs());
        Assert.Equal(articles.Count, writer.MaxDoc); // the helpers' visits added no document
        writer.Commit();
        using var reader = DirectoryReader.Open(dir);
        Assert.Equal(2, reader.Leaves.Count); // one segment per in-memory segment, as a serial flush
        Assert.Equal(articles.Count, reader.NumDocs);
        var titles = Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get("title")).Order(StringComparer.Ordinal);
        Assert.Equal(articles.Select(a => a.Title).Order(StringComparer.Ordinal), titles);
    }

    [Fact]
    public void A_failed_flush_throws_its_own_error_and_stops_the_helpers()
    {
        var articles = SeedArticles();
        using var dir = new FailingDirectory(new RAMDirectory());
        using var writer = TwoSegmentsInMemory(dir, articles);
        dir.Failing = true;

        var e = Record.Exception(() => ParallelFlush.Run(writer, threads: 3));

        Assert.IsType<IOException>(e);
        Assert.Equal("no space left on device", e.Message);
        writer.Rollback();
    }

    /// <summary>A directory whose new files cannot be written once <see cref="Failing"/> is set.</summary>
    private sealed class FailingDirectory(Lucene.Net.Store.Directory inner) : FilterDirectory(inner)
    {
        public volatile bool Failing;

        public override IndexOutput CreateOutput(string name, IOContext context) =>
            Failing ? throw new IOException("no space left on device") : base.CreateOutput(name, context);
    }

    /// <summary>Tokens that say when they are asked for (<paramref name="inside"/>) and start only
    /// once <paramref name="go"/> is set.</summary>
    private sealed class WaitingTokens(TokenStream input, ManualResetEventSlim inside, ManualResetEventSlim go) : TokenFilter(input)
    {
        private bool _waited;

        public override bool IncrementToken()
        {
            if (!_waited)
            {
                _waited = true;
                inside.Set();
                go.Wait();
            }
            return m_input.IncrementToken();
        }
    }
}
