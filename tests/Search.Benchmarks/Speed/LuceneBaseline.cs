using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Benchmarks.Speed;

/// <summary>
/// The plain Lucene.Net baseline: what a straightforward program does with the same library.
/// StandardAnalyzer; title (stored) and body (not stored) as TextFields, id as a stored
/// StringField; no enrichment, facets, doc values or term vectors. Same directory as ours
/// (PositionalReadDirectory, our NIOFSDirectory with positional reads),
/// RAM buffer (256 MB, no doc-count flush) and similarity (BM25) as ours. One thread reads and adds.
/// </summary>
public static class LuceneBaseline
{
    public const double RamBufferMB = 256;
    public static readonly string[] Fields = { "title", "body" };

    public static IndexChildResult Index(Corpus corpus, string indexPath)
    {
        Measure.Delete(indexPath);
        var clock = Stopwatch.StartNew();
        int count = 0;
        using (var dir = new PositionalReadDirectory(new DirectoryInfo(indexPath)))
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = RamBufferMB,
                MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
                Similarity = new BM25Similarity(),
            };
            using var writer = new IndexWriter(dir, config);
            var id = new StringField("id", "", Field.Store.YES);
            var title = new TextField("title", "", Field.Store.YES);
            var body = new TextField("body", "", Field.Store.NO);
            var doc = new Document { id, title, body };
            foreach (var a in CorpusText.Read(corpus))
            {
                id.SetStringValue(a.Id);
                title.SetStringValue(a.Title);
                body.SetStringValue(a.Body);
                writer.AddDocument(doc);
                count++;
            }
            writer.Commit();
        }
        double seconds = clock.Elapsed.TotalSeconds;
        return new IndexChildResult(count, seconds, Measure.PeakWorkingSet(), Measure.SizeOnDisk(indexPath), "1 thread reads and adds");
    }

    /// <summary>Queries a plain index: classic QueryParser over title and body, AND, top 10 with their
    /// stored title. The analyzer is the index's: StandardAnalyzer for this one-thread baseline,
    /// EnglishAnalyzer for <see cref="LuceneParallelBaseline"/>'s index (the peer).</summary>
    public sealed class Searcher : IDisposable
    {
        private readonly PositionalReadDirectory _dir;
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;
        private readonly Analyzer _analyzer;
        private static readonly ISet<string> Stored = new HashSet<string> { "id", "title" };

        public Searcher(string indexPath, Analyzer? analyzer = null)
        {
            _analyzer = analyzer ?? new StandardAnalyzer(LuceneVersion.LUCENE_48);
            _dir = new PositionalReadDirectory(new DirectoryInfo(indexPath));
            _reader = DirectoryReader.Open(_dir);
            _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        }

        public int Search(string text, out int returned)
        {
            var parser = new MultiFieldQueryParser(LuceneVersion.LUCENE_48, Fields, _analyzer) { DefaultOperator = Operator.AND };
            var top = _searcher.Search(parser.Parse(text), 10);
            foreach (var sd in top.ScoreDocs)
                _searcher.Doc(sd.Doc, Stored);
            returned = top.ScoreDocs.Length;
            return top.TotalHits;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _dir.Dispose();
            _analyzer.Dispose();
        }
    }
}
