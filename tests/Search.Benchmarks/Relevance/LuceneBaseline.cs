using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Evaluation;
using Search.Core.Evaluation.Collections;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// The baseline the issue asks for: plain Lucene, nothing of ours. One analysed field, <c>body</c>,
/// holding the document's body text, <see cref="StandardAnalyzer"/> (LUCENE_48: standard tokenizer,
/// lower case, English stop words, no stemming), <see cref="BM25Similarity"/> with Lucene's defaults
/// (k1 1.2, b 0.75), and each query parsed by the classic <see cref="QueryParser"/> with every syntax
/// character escaped and OR between words. In both collections the body holds all the text: TIME has
/// no titles, and every Cranfield abstract begins with its title (the converter falls back to the
/// title for the two records without an abstract).
/// </summary>
public static class LuceneBaseline
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id", BodyField = "body";

    public static EvaluationReport Evaluate(IEnumerable<CollectionDocument> documents, IReadOnlyList<EvaluationQuery> queries, Qrels qrels, int depth = 100)
    {
        using var dir = new RAMDirectory();
        using var analyzer = new StandardAnalyzer(Version);
        var similarity = new BM25Similarity();
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(Version, analyzer) { Similarity = similarity }))
        {
            foreach (var d in documents)
                writer.AddDocument(new Document
                {
                    new StringField(IdField, d.Id, Field.Store.YES),
                    new TextField(BodyField, d.Body, Field.Store.NO),
                });
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(dir);
        var searcher = new IndexSearcher(reader) { Similarity = similarity };
        var parser = new QueryParser(Version, BodyField, analyzer) { DefaultOperator = Operator.OR };
        return RelevanceEvaluator.Evaluate(queries, qrels, (text, n) =>
        {
            // Lower-cased so that words like AND/OR/NOT in the (upper-case) TIME queries stay words.
            var query = parser.Parse(QueryParser.Escape(text.ToLowerInvariant()));
            return searcher.Search(query, n).ScoreDocs
                .Select(sd => (searcher.Doc(sd.Doc).Get(IdField), sd.Score))
                .ToList();
        }, depth);
    }
}
