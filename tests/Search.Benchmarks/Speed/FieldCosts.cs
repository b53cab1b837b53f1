using System.Diagnostics;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Enrich;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Ingest;

namespace Search.Benchmarks.Speed;

/// <summary>
/// What each group of an article's fields costs the writer: our documents added on one thread
/// (AddDocument + commit, our analyser) whole and with one group of fields taken out, the
/// variants in turn, <c>rounds</c> times over, so a slow minute of the machine falls on all.
/// The documents are built before each clock starts.
/// </summary>
public static class FieldCosts
{
    private static readonly string[] MetadataWords = { Schema.Url, Schema.Author, Schema.File, Schema.Tags, Schema.Related };

    public static ProfileResult Run(Corpus corpus, string work, int rounds)
    {
        var scan = FileScanner.Scan(new[] { corpus.Root });
        var articles = new List<(Article Article, FileState State, string Path)>();
        foreach (var f in scan.Files)
        {
            var reader = ReaderRegistry.Default.Resolve(f.Source).Reader!;
            foreach (var item in reader.Read(f.Source))
                if (item.Article is { } a)
                {
                    ArticleEnricher.Enrich(a, f.Source);
                    articles.Add((a, new FileState("0", f.Size, f.MtimeTicks), f.Source.FullPath));
                }
        }
        var variants = new (string Name, bool Duplicates, Func<IIndexableField, bool> Keep)[]
        {
            ("every field", true, _ => true),
            ("without the combined field (text)", true, f => f.Name != Schema.AllText),
            ("without facets (facet_* terms and doc values)", true, f => !f.Name.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal)),
            ("without facet terms (doc values kept)", true, f => !(f.Name.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal) && f.IndexableFieldType.IsIndexed)),
            ("without facet doc values (terms kept)", true, f => !(f.Name.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal) && f.IndexableFieldType.DocValueType != DocValuesType.NONE)),
            ("without duplicate fields", false, _ => true),
            ("without metadata words (url, author, file, tags, related)", true, f => !(f.IndexableFieldType.IsIndexed && MetadataWords.Contains(f.Name))),
            ("without other doc values (path, states, date sort)", true, f => f.IndexableFieldType.DocValueType == DocValuesType.NONE || f.Name.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal) || f.Name is Schema.DuplicateBands or Schema.Cluster or Schema.ClusterBuild),
            ("without stored-only fields", true, f => f.IndexableFieldType.IsIndexed || f.IndexableFieldType.DocValueType != DocValuesType.NONE || f.Name is Schema.Title or Schema.Body),
            ("without the record keys' terms (id, key, path; stored and doc values kept)", true, f => !(f.IndexableFieldType.IsIndexed && f.Name is Schema.Id or Schema.Key or Schema.Path)),
            ("id, title, body and text only", false, f => f.Name is Schema.Id or Schema.Title or Schema.Body or Schema.AllText),
            ("id, title and body only", false, f => f.Name is Schema.Id or Schema.Title or Schema.Body),
        };
        // FIELD_COSTS=0,2,3 runs only those variants (by their place in the list above).
        if (Environment.GetEnvironmentVariable("FIELD_COSTS") is { Length: > 0 } only)
            variants = only.Split(',').Select(i => variants[int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)]).ToArray();
        var seconds = new List<double>[variants.Length];
        for (int v = 0; v < variants.Length; v++)
            seconds[v] = new List<double>();
        string root = Path.Combine(work, "field-costs");
        for (int round = 0; round < rounds; round++)
            for (int v = 0; v < variants.Length; v++)
            {
                var (_, duplicates, keep) = variants[v];
                var docs = articles.Select(x => Filter(ArticleDocument.Build(x.Article, x.State, x.Path, Search.Core.Indexing.Writing.RecordHash.Of(x.Article), duplicates), keep)).ToList();
                Measure.Delete(root);
                seconds[v].Add(AddAll(root, docs));
            }
        Measure.Delete(root);
        var stages = variants.Select((x, v) => new StageTiming(x.Name, seconds[v].Min(),
            "seconds of each round: " + string.Join(", ", seconds[v].Select(s => s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))))).ToList();
        return new ProfileResult(corpus.Root, articles.Count, 0, stages);
    }

    private static Document Filter(Document doc, Func<IIndexableField, bool> keep)
    {
        var kept = new Document();
        foreach (var f in doc.Fields)
            if (keep(f))
                kept.Add(f);
        return kept;
    }

    private static double AddAll(string path, List<Document> docs)
    {
        using var analyzer = new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Index);
        using var dir = new NIOFSDirectory(new DirectoryInfo(path));
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = new BuildOptions { Roots = Array.Empty<string>(), IndexPath = "" }.RamBufferMB,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            Similarity = new BM25Similarity(),
            Codec = Lucene.Net.Codecs.Codec.ForName(Search.Core.Indexing.Storage.SearchCodec.Name),
            UseCompoundFile = false,
        };
        var clock = Stopwatch.StartNew();
        using (var writer = new IndexWriter(dir, config))
        {
            foreach (var d in docs)
                writer.AddDocument(d);
            writer.Commit();
        }
        return clock.Elapsed.TotalSeconds;
    }
}
