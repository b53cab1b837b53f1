using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Benchmarks.Relevance.Collections;
using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// The plain-Lucene peer, nothing of ours: one analysed field holding the title and the body,
/// <see cref="EnglishAnalyzer"/> (LUCENE_48: standard tokenizer, possessives, lower case, English
/// stop words, Porter stemmer), <see cref="BM25Similarity"/> with Lucene's defaults (k1 1.2, b 0.75),
/// and each query parsed by the classic <see cref="QueryParser"/> with every syntax character escaped
/// and OR between words, top <c>depth</c>.
/// </summary>
public static class LucenePeer
{
    /// <summary>How title and body are indexed. <see cref="Concatenated"/> is the peer; the other two
    /// are the BM25F question asked with nothing of ours in the way: one combined field with the
    /// title counted twice (what Xapian does), against two fields whose BM25 scores are summed with
    /// the title weighted 2 (what we do).</summary>
    public enum Layout { Concatenated, CombinedTitleTwice, SummedFields }

    public const string Label = "Lucene.Net BM25 (EnglishAnalyzer, title+body, defaults)";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id", TextField = "text", TitleField = "title";

    public static IReadOnlyDictionary<string, IReadOnlyList<(string DocId, float Score)>> Run(TestCollection collection, int depth = 100, Layout layout = Layout.Concatenated)
    {
        using var dir = new RAMDirectory();
        using var analyzer = new EnglishAnalyzer(Version);
        var similarity = new BM25Similarity();
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(Version, analyzer) { Similarity = similarity }))
        {
            foreach (var d in collection.Documents)
            {
                var doc = new Document { new StringField(IdField, d.Id, Field.Store.YES) };
                string title = d.Title ?? "";
                switch (layout)
                {
                    case Layout.Concatenated:
                        doc.Add(new Lucene.Net.Documents.TextField(TextField, title + "\n" + d.Body, Field.Store.NO));
                        break;
                    case Layout.CombinedTitleTwice:
                        doc.Add(new Lucene.Net.Documents.TextField(TextField, title + "\n" + title + "\n" + d.Body, Field.Store.NO));
                        break;
                    case Layout.SummedFields:
                        doc.Add(new Lucene.Net.Documents.TextField(TitleField, title, Field.Store.NO));
                        doc.Add(new Lucene.Net.Documents.TextField(TextField, d.Body, Field.Store.NO));
                        break;
                }
                writer.AddDocument(doc);
            }
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(dir);
        var searcher = new IndexSearcher(reader) { Similarity = similarity };
        var parser = layout == Layout.SummedFields
            ? new MultiFieldQueryParser(Version, new[] { TitleField, TextField }, analyzer, new Dictionary<string, float> { [TitleField] = 2f, [TextField] = 1f }) { DefaultOperator = Operator.OR }
            : new QueryParser(Version, TextField, analyzer) { DefaultOperator = Operator.OR };
        var run = new Dictionary<string, IReadOnlyList<(string, float)>>(StringComparer.Ordinal);
        foreach (var q in collection.Queries)
        {
            // Lower-cased so that AND/OR/NOT in upper-case queries (TIME, LISA, NPL) stay words.
            var query = parser.Parse(QueryParser.Escape(q.Text.ToLowerInvariant()));
            run[q.Id] = searcher.Search(query, depth).ScoreDocs
                .Select(sd => (searcher.Doc(sd.Doc).Get(IdField), sd.Score))
                .ToList();
        }
        return run;
    }
}
