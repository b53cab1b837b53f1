using System.Diagnostics;
using System.Security.Cryptography;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
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
/// Where our indexing time goes: the stages of <see cref="IndexBuilder"/> run one after another
/// over the whole corpus on one thread, each timed alone (scan, hash, reader choice, read and
/// parse, enrich, document building, analysis, AddDocument, ours and a plain document), with
/// the plain baseline's analysis and AddDocument beside them. Stage times add up to roughly the
/// one-thread build; the all-cores build spreads the same work over the cores.
/// </summary>
public static class StageProfile
{
    public static ProfileResult Run(Corpus corpus, string work)
    {
        var stages = new List<StageTiming>();
        T Time<T>(string stage, string note, Func<T> f, int runs = 1)
        {
            T result = default!;
            double best = double.MaxValue;
            long allocated = 0;
            for (int i = 0; i < runs; i++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                result = f();
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            }
            note = $"{note}; allocates {Formats.Mb(allocated)} MB";
            stages.Add(new StageTiming(stage, best, runs > 1 ? $"{note} (best of {runs})" : note));
            return result;
        }

        var scan = Time("scan folders", "FileScanner.Scan", () => FileScanner.Scan(new[] { corpus.Root }));
        var hashes = Time("hash files (SHA-256)", "whole file read for change detection", () => scan.Files.Select(f => Hash(f.Source.FullPath)).ToList());
        var readers = Time("choose reader", "opens each file to sniff its head", () => scan.Files.Select(f => ReaderRegistry.Default.Resolve(f.Source).Reader!).ToList());
        var items = Time("read + parse", "TextArticleReader / JsonLinesArticleReader", () =>
            scan.Files.Select((f, i) => (File: f, Articles: readers[i].Read(f.Source).Where(r => r.Article != null).Select(r => r.Article!).ToList())).ToList());
        Time("enrich", "ArticleEnricher: source, section, dates, links", () =>
        {
            foreach (var (file, articles) in items)
                foreach (var a in articles)
                    ArticleEnricher.Enrich(a, file.Source);
            return 0;
        });
        var states = items.Select((x, i) => new FileState(hashes[i], x.File.Size, x.File.MtimeTicks)).ToList();
        Time("build documents", "ArticleDocument.Build (fields only, no analysis)", () =>
            items.Select((x, i) => x.Articles.Select(a => ArticleDocument.Build(a, states[i], x.File.Source.FullPath, Search.Core.Indexing.Writing.RecordHash.Of(a))).ToList()).ToList());

        var articles = items.SelectMany(x => x.Articles).ToList();
        Time("  of which duplicate fingerprints", "words, shingles, numbers, MinHash and band keys of each body", () =>
            articles.Sum(a => Search.Core.Duplicates.DuplicateFingerprint.Of(a.Id, a.Body, a.Published) is { } p ? Search.Core.Duplicates.LshBands.Keys(p.Signature).Length : 0), runs: 2);
        long textBytes = articles.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a.Title) + System.Text.Encoding.UTF8.GetByteCount(a.Body));
        // Analysis alone, our chain built up filter by filter (each warmed up first), then ours and StandardAnalyzer.
        foreach (var (stage, note, chain) in AnalysisChains())
        {
            using var analyzer = new ChainAnalyzer(chain);
            Tokens(analyzer, articles.Take(200).ToList());
            Time(stage, note, () => Tokens(analyzer, articles), runs: 2);
        }
        using (var ours = new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Index))
        {
            Tokens(ours, articles.Take(200).ToList());
            Time("analysis only: ours (ArticleAnalyzer, Index mode)", "title+body: the full chain our writer runs", () => Tokens(ours, articles), runs: 2);
        }
        using (var standard = new StandardAnalyzer(LuceneVersion.LUCENE_48))
        {
            Tokens(standard, articles.Take(200).ToList());
            Time("analysis only: StandardAnalyzer", "title+body, the plain baseline's", () => Tokens(standard, articles), runs: 2);
        }

        string root = Path.Combine(work, "profile-" + Path.GetFileName(corpus.Root));
        Measure.Delete(root);
        stages.Add(AddAll("AddDocument + commit: ours", "our writer config and documents; includes analysis", Path.Combine(root, "ours"),
            new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Index),
            items.SelectMany((x, i) => x.Articles.Select(a => ArticleDocument.Build(a, states[i], x.File.Source.FullPath, Search.Core.Indexing.Writing.RecordHash.Of(a))))));
        stages.Add(AddAll("AddDocument + commit: ours, no duplicate fields", "the same without band keys and cluster key", Path.Combine(root, "ours-nodup"),
            new ArticleAnalyzer(AnalysisSettings.Default, TextMode.Index),
            items.SelectMany((x, i) => x.Articles.Select(a => ArticleDocument.Build(a, states[i], x.File.Source.FullPath, Search.Core.Indexing.Writing.RecordHash.Of(a), duplicates: false)))));
        stages.Add(AddAll("AddDocument + commit: plain baseline doc", "StandardAnalyzer, id + title + body", Path.Combine(root, "plain"),
            new StandardAnalyzer(LuceneVersion.LUCENE_48),
            articles.Select(a => new Document
            {
                new StringField("id", a.Id, Field.Store.YES),
                new TextField("title", a.Title, Field.Store.YES),
                new TextField("body", a.Body, Field.Store.NO),
            })));
        Measure.Delete(root);
        return new ProfileResult(corpus.Root, articles.Count, textBytes, stages);
    }

    /// <summary>Adds prebuilt documents (built before the clock starts) and commits.</summary>
    private static StageTiming AddAll(string stage, string note, string path, Analyzer analyzer, IEnumerable<Document> documents)
    {
        var docs = documents.ToList();
        using var dir = new NIOFSDirectory(new DirectoryInfo(path));
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = new BuildOptions { Roots = Array.Empty<string>(), IndexPath = "" }.RamBufferMB,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            Similarity = new BM25Similarity(),
        };
        using (var warm = new IndexWriter(new RAMDirectory(), new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
            foreach (var d in docs.Take(100))
                warm.AddDocument(d); // JIT and first-use costs stay out of the timing
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        using (var writer = new IndexWriter(dir, config))
        {
            foreach (var d in docs)
                writer.AddDocument(d);
            writer.Commit();
        }
        double seconds = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        analyzer.Dispose();
        return new StageTiming(stage, seconds, $"{note}; index {Formats.Mb(Measure.SizeOnDisk(path))} MB; allocates {Formats.Mb(allocated)} MB");
    }

    private static IEnumerable<(string Stage, string Note, Func<TextReader, (Tokenizer, TokenStream)> Chain)> AnalysisChains()
    {
        var v = LuceneVersion.LUCENE_48;
        yield return ("  analysis: tokenizer + lower case", "StandardTokenizer, LowerCaseFilter", r =>
        {
            var t = new StandardTokenizer(v, r);
            return (t, new LowerCaseFilter(v, t));
        });
        yield return ("  analysis: + possessive + ASCII folding", "EnglishPossessiveFilter, ASCIIFoldingFilter", r =>
        {
            var t = new StandardTokenizer(v, r);
            return (t, new ASCIIFoldingFilter(new LowerCaseFilter(v, new EnglishPossessiveFilter(v, t))));
        });
        yield return ("  analysis: + exact terms", "ExactTermFilter (exact copy + stem per token)", r =>
        {
            var t = new StandardTokenizer(v, r);
            return (t, new ExactTermFilter(new ASCIIFoldingFilter(new LowerCaseFilter(v, new EnglishPossessiveFilter(v, t)))));
        });
        yield return ("  analysis: + stop words + Porter", "StopFilter, PorterStemFilter (= our Index chain)", r =>
        {
            var t = new StandardTokenizer(v, r);
            TokenStream s = new ExactTermFilter(new ASCIIFoldingFilter(new LowerCaseFilter(v, new EnglishPossessiveFilter(v, t))));
            return (t, new PorterStemFilter(new StopFilter(v, s, EnglishAnalyzer.DefaultStopSet)));
        });
        yield return ("  analysis: without exact terms", "tokenizer … stop words + Porter, no ExactTermFilter", r =>
        {
            var t = new StandardTokenizer(v, r);
            TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(v, new EnglishPossessiveFilter(v, t)));
            return (t, new PorterStemFilter(new StopFilter(v, s, EnglishAnalyzer.DefaultStopSet)));
        });
    }

    /// <summary>An analyzer made of one token-stream chain, for timing chains filter by filter.</summary>
    private sealed class ChainAnalyzer(Func<TextReader, (Tokenizer, TokenStream)> chain) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var (tokenizer, stream) = chain(reader);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    private static long Tokens(Analyzer analyzer, List<Article> articles)
    {
        long n = 0;
        foreach (var a in articles)
        {
            foreach (var (field, text) in new[] { (Schema.Title, a.Title), (Schema.Body, a.Body) })
            {
                using var ts = analyzer.GetTokenStream(field, text);
                var term = ts.AddAttribute<ICharTermAttribute>();
                ts.Reset();
                while (ts.IncrementToken())
                    n += term.Length;
                ts.End();
            }
        }
        return n;
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
