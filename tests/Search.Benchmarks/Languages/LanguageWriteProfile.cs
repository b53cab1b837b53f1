using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Search.Benchmarks.Speed;
using Search.Core.Enrich;
using Search.Core.Enrich.Languages;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Indexing.Analysis.Languages;
using Search.Core.Indexing.Writing;
using Search.Core.Ingest;

namespace Search.Benchmarks.Languages;

/// <summary>
/// The language step's share of the per-article write work, in one process and one adding thread:
/// enrich (detection included when on), build the document (the <c>language</c> field and facet
/// when on), choose its analyser and add it, then commit; the same articles, read afresh each time,
/// with <see cref="LanguageStep"/> on and off in alternation. The whole process's CPU time is
/// counted (Lucene's merge threads and the collector work for the adding thread). Reading, hashing
/// and duplicate clustering, which the step does not touch, are left out, so the step's share here
/// is larger than in a whole build.
/// </summary>
internal static class LanguageWriteProfile
{
    public static void Run(Corpus corpus, string work, int repeats = 5)
    {
        var scan = FileScanner.Scan([corpus.Root]);
        var files = scan.Files.Select(f => (f.Source, Reader: ReaderRegistry.Default.Resolve(f.Source).Reader!)).ToList();
        List<(SourceFile Source, Article Article)> Read() =>
            files.SelectMany(f => f.Reader.Read(f.Source).Where(r => r.Article != null).Select(r => (f.Source, r.Article!))).ToList();

        var seconds = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        Once(Read().Take(500).ToList(), Path.Combine(work, "warm"), off: false);
        Once(Read().Take(500).ToList(), Path.Combine(work, "warm"), off: true);
        for (int i = 0; i < repeats; i++)
            foreach (bool off in i % 2 == 0 ? new[] { false, true } : [true, false])
                seconds[off].Add(Once(Read(), Path.Combine(work, off ? "off" : "on"), off));
        Console.WriteLine($"Enrich + document + AddDocument + commit, one adding thread, {corpus.Label}, process CPU s ({repeats} each, alternating):");
        Console.WriteLine($"  as shipped:        {string.Join(", ", seconds[false].Select(s => s.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}; least {seconds[false].Min():F2}");
        Console.WriteLine($"  language step off: {string.Join(", ", seconds[true].Select(s => s.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}; least {seconds[true].Min():F2}");
        Console.WriteLine($"  shipped ÷ off: least {seconds[false].Min() / seconds[true].Min():F3}, mean {seconds[false].Average() / seconds[true].Average():F3}");
        Console.WriteLine();
        Measure.Delete(work);
    }

    private static double Once(List<(SourceFile Source, Article Article)> articles, string path, bool off)
    {
        Measure.Delete(path);
        LanguageStep.Off = off;
        try
        {
            using var analyzer = new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Index);
            using var dir = FSDirectory.Open(new DirectoryInfo(path));
            var config = new IndexWriterConfig(ArticleAnalyzer.Version, analyzer)
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = 256,
                MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
                Similarity = new BM25Similarity(),
                UseCompoundFile = false,
            };
            GC.Collect();
            double before = Environment.CpuUsage.TotalTime.TotalSeconds;
            using (var writer = new IndexWriter(dir, config))
            {
                var state = new FileState("", 0, 0);
                foreach (var (source, article) in articles)
                {
                    UInt128 hash = RecordHash.Of(article);
                    ArticleEnricher.Enrich(article, source);
                    var doc = ArticleDocument.Build(article, state, source.FullPath, hash);
                    writer.AddDocument(doc, LanguageIndexAnalyzers.For(writer.Analyzer, doc) ?? writer.Analyzer);
                }
                writer.Commit();
            }
            return Environment.CpuUsage.TotalTime.TotalSeconds - before;
        }
        finally
        {
            LanguageStep.Off = false;
        }
    }
}
