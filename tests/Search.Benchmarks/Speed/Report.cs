using System.Text;

namespace Search.Benchmarks.Speed;

/// <summary>Renders a <see cref="SpeedRun"/> as Markdown: corpora, indexing, queries, start-up,
/// growth, the issue's targets met or not, and where our indexing time goes.</summary>
public static class Report
{
    public static string Markdown(SpeedRun run)
    {
        var md = new StringBuilder();
        md.AppendLine("## Speed benchmark" + (run.Quick ? " (quick mode: small corpora, few iterations)" : ""));
        md.AppendLine();
        md.AppendLine($"- Machine: {run.Machine}");
        md.AppendLine($"- Date: {run.Date:yyyy-MM-dd HH:mm} UTC; commit `{run.Commit}`");
        md.AppendLine($"- Command: `{run.Command}`");
        md.AppendLine("- The machine may be shared: compare the ratios (all engines measured in the same run, on the same corpus), not absolute times across runs.");
        md.AppendLine();
        Corpora(md, run);
        Indexing(md, run);
        Queries(md, run);
        Startup(md, run);
        Growth(md, run);
        Targets(md, run);
        Profiles(md, run);
        return md.ToString();
    }

    private static void Corpora(StringBuilder md, SpeedRun run)
    {
        md.AppendLine("### Corpora");
        md.AppendLine();
        md.AppendLine("| corpus | format | articles | files | article text (title+body) MB | on disk MB |");
        md.AppendLine("|---|---|--:|--:|--:|--:|");
        foreach (var (c, s) in run.Corpora)
            md.AppendLine($"| {c.Name} | {Fmt(c)} | {s.Articles:N0} | {s.Files:N0} | {Formats.Mb(s.TextBytes)} | {Formats.Mb(s.DiskBytes)} |");
        md.AppendLine();
    }

    private static void Indexing(StringBuilder md, SpeedRun run)
    {
        md.AppendLine("### Indexing");
        md.AppendLine();
        md.AppendLine("Each engine in its own child process (peak working set = its VmHWM). Ours = `IndexBuilder.Build` as `search index --rebuild` runs it " +
                      "(enrichment, places, facets, exact and stemmed terms, the combined ranking field, stored text, per-record change detection, checkpoints, near-duplicate clusters). " +
                      "**Lucene.Net plain, all cores** = the issue's peer: `Parallel.ForEach` over the files (or the JSONL lines) into one IndexWriter, EnglishAnalyzer, " +
                      "title and body stored, 256 MB RAM buffer, one commit (`Speed/LuceneParallelBaseline.cs`); Lucene.Net plain = StandardAnalyzer, title + body (body not stored), " +
                      "one thread reading and adding; FTS5 = `fts5(title, body, tokenize='porter unicode61')`, one transaction. " +
                      "\"time ÷ X\" is our time over X's: below 1 means we are faster; \"size ÷ all cores\" is our index over the all-cores peer's; " +
                      "\"CPU s\" is the child process's CPU time (user + system), steadier than wall time when the machine is shared, and \"CPU ÷ all cores\" ours over the peer's.");
        md.AppendLine();
        md.AppendLine("\"ours (no duplicate clustering)\" is the same build without near-duplicate clustering; \"÷ no clustering\" is what clustering costs (ours over it).");
        md.AppendLine();
        md.AppendLine("| corpus | engine | time s | CPU s | articles/s | text MB/s | peak WS MB | index / text | time ÷ Lucene all cores | CPU ÷ all cores | size ÷ all cores | time ÷ Lucene 1 thread | time ÷ FTS5 | ÷ no clustering |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var group in run.Indexing.GroupBy(r => r.Corpus))
        {
            var lucene = group.FirstOrDefault(r => r.Engine == Engines.Lucene);
            var parallel = group.FirstOrDefault(r => r.Engine == Engines.LuceneParallel);
            var fts5 = group.FirstOrDefault(r => r.Engine == Engines.Fts5);
            var noDup = group.FirstOrDefault(r => r.Engine == Engines.OursNoDuplicates);
            foreach (var r in group)
            {
                string vsNoDup = r.Engine == Engines.Ours && noDup != null ? Formats.Ratio(r.Result.Seconds / noDup.Result.Seconds) : "";
                bool ours = r.Engine is Engines.Ours or Engines.OursOneThread or Engines.OursNoDuplicates;
                string vsParallel = ours && parallel != null ? Formats.Ratio(r.Result.Seconds / parallel.Result.Seconds) : "";
                string cpuVsParallel = ours && parallel != null && !double.IsNaN(r.Result.CpuSeconds) && !double.IsNaN(parallel.Result.CpuSeconds)
                    ? Formats.Ratio(r.Result.CpuSeconds / parallel.Result.CpuSeconds) : "";
                string sizeVsParallel = ours && parallel != null ? Formats.Ratio((double)r.Result.IndexBytes / parallel.Result.IndexBytes) : "";
                string vsLucene = ours && lucene != null ? Formats.Ratio(r.Result.Seconds / lucene.Result.Seconds) : "";
                string vsFts5 = ours && fts5 != null ? Formats.Ratio(r.Result.Seconds / fts5.Result.Seconds) : "";
                string engine = r.Engine == Engines.Ours ? $"**ours** ({run.Machine.Cores} threads)" : r.Engine;
                string cpu = double.IsNaN(r.Result.CpuSeconds) ? "" : Formats.N(r.Result.CpuSeconds, 1);
                md.AppendLine($"| {r.Corpus.Label} | {engine} | {Formats.N(r.Result.Seconds, 1)} | {cpu} | {Formats.N(r.ArticlesPerSecond)} | {Formats.N(r.MBPerSecond, 1)} | " +
                              $"{Formats.Mb(r.Result.PeakBytes)} | {Formats.N(r.SizeRatio, 2)} | {vsParallel} | {cpuVsParallel} | {sizeVsParallel} | {vsLucene} | {vsFts5} | {vsNoDup} |");
            }
        }
        md.AppendLine();
    }

    private static void Queries(StringBuilder md, SpeedRun run)
    {
        if (run.Queries.Count == 0 || run.QueryCorpus is not { } corpus)
            return;
        md.AppendLine($"### Queries at {Formats.Count(corpus.Docs)} articles ({Fmt(corpus)} corpus)");
        md.AppendLine();
        md.AppendLine("One warm process, top 10 hits; engines take turns query by query after a warm-up. Ours as the user gets it (stored fields, snippets, " +
                      "facets, sorted by score then date) and without snippets; Lucene: classic QueryParser over title+body (AND), top 10 + stored title, " +
                      "on two plain indexes: the one-thread baseline's (StandardAnalyzer, no stemming, body not stored) and the issue's peer " +
                      "(all cores' index: EnglishAnalyzer, the same stemmed matches as ours, title and body stored); " +
                      "FTS5: `MATCH ... ORDER BY rank LIMIT 10`. Latencies in ms, p50 / p95 / p99.");
        md.AppendLine();
        md.AppendLine("| query type | query (ours) | ours | ours, no snippets | Lucene plain (Standard) | Lucene plain, English, body stored | FTS5 ranked | hits ours / Standard / English / FTS5 | ours ÷ Standard (p50) | ours ÷ English (p50) | FTS5 ÷ ours (p50) |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var c in QueryMix.All)
        {
            QueryTiming? Of(string engine) => run.Queries.FirstOrDefault(q => q.Type == c.Type && q.Engine == engine);
            var ours = Of(Engines.Ours);
            var bare = Of(Engines.OursNoSnippets);
            var lucene = Of(Engines.Lucene);
            var english = Of(Engines.LuceneParallel);
            var fts5 = Of(Engines.Fts5);
            md.AppendLine($"| {c.Type} | `{c.Shown.Replace("|", "\\|")}` | {Lat(ours)} | {Lat(bare)} | {Lat(lucene)} | {Lat(english)} | {Lat(fts5)} | " +
                          $"{Hits(ours)} / {Hits(lucene)} / {Hits(english)} / {Hits(fts5)} | {Formats.Ratio(ours != null && lucene?.NotApplicable == null ? ours.P50 / (lucene?.P50 ?? double.NaN) : double.NaN)} | " +
                          $"{Formats.Ratio(ours != null && english?.NotApplicable == null ? ours.P50 / (english?.P50 ?? double.NaN) : double.NaN)} | " +
                          $"{Formats.Ratio(ours != null && fts5?.NotApplicable == null ? (fts5?.P50 ?? double.NaN) / ours.P50 : double.NaN)} |");
        }
        md.AppendLine();
        var na = run.Queries.Where(q => q.NotApplicable != null).Select(q => $"{q.Engine}: {q.NotApplicable}").Distinct().ToList();
        if (na.Count > 0)
            md.AppendLine("n/a: " + string.Join("; ", na) + ".");
        md.AppendLine("Hit counts differ where analysis differs: ours, FTS5 and the English peer stem (Porter), the Standard baseline does not " +
                      "(a fuzzy query is matched against stemmed terms in the English peer); " +
                      "ours also drops the URL lines from the body. Samples per cell: " +
                      string.Join(", ", run.Queries.Where(q => q.NotApplicable == null).GroupBy(q => q.Engine).Select(g => $"{g.Key} {g.Min(q => q.Samples)}–{g.Max(q => q.Samples)}")) + ".");
        md.AppendLine();
    }

    private static void Startup(StringBuilder md, SpeedRun run)
    {
        if (run.Startup.Count == 0)
            return;
        md.AppendLine($"### Start-up (Release apphost, index of {Formats.Count(run.QueryCorpus?.Docs ?? 0)} articles)");
        md.AppendLine();
        md.AppendLine("| what | command | median ms | min | max | runs |");
        md.AppendLine("|---|---|--:|--:|--:|--:|");
        foreach (var s in run.Startup)
            md.AppendLine($"| {s.What} | `{s.Command}` | {Formats.N(s.MedianMs)} | {Formats.N(s.MinMs)} | {Formats.N(s.MaxMs)} | {s.Runs} |");
        md.AppendLine();
    }

    private static void Growth(StringBuilder md, SpeedRun run)
    {
        var synthetic = run.Indexing.Where(r => r.Corpus.Docs > 0).ToList();
        var sizes = synthetic.Select(r => r.Corpus.Docs).Distinct().Order().ToList();
        if (sizes.Count < 2)
            return;
        md.AppendLine("### Growth");
        md.AppendLine();
        md.AppendLine("Index time and peak working set as the corpus grows; \"×\" columns compare each size with the one before it (10× the articles).");
        md.AppendLine();
        var header = new StringBuilder("| engine | format |");
        var align = new StringBuilder("|---|---|");
        for (int i = 0; i < sizes.Count; i++)
        {
            header.Append($" time {Formats.Count(sizes[i])} s | peak {Formats.Count(sizes[i])} MB |");
            align.Append("--:|--:|");
            if (i > 0)
            {
                header.Append($" time × | peak × |");
                align.Append("--:|--:|");
            }
        }
        md.AppendLine(header.ToString());
        md.AppendLine(align.ToString());
        foreach (var g in synthetic.GroupBy(r => (r.Engine, r.Corpus.Format)))
        {
            var line = new StringBuilder($"| {g.Key.Engine} | {Fmt(g.Key.Format)} |");
            IndexRun? previous = null;
            foreach (int size in sizes)
            {
                var r = g.FirstOrDefault(x => x.Corpus.Docs == size);
                line.Append(r == null ? " | |" : $" {Formats.N(r.Result.Seconds, 1)} | {Formats.Mb(r.Result.PeakBytes)} |");
                if (size != sizes[0])
                    line.Append(r != null && previous != null
                        ? $" {Formats.Ratio(r.Result.Seconds / previous.Result.Seconds)} | {Formats.Ratio((double)r.Result.PeakBytes / previous.Result.PeakBytes)} |"
                        : " | |");
                previous = r;
            }
            md.AppendLine(line.ToString());
        }
        md.AppendLine();
    }

    private static void Targets(StringBuilder md, SpeedRun run)
    {
        var rows = new List<(string Target, string Measured, bool? Met)>();
        foreach (var group in run.Indexing.GroupBy(r => r.Corpus))
        {
            var ours = group.FirstOrDefault(r => r.Engine == Engines.Ours);
            var parallel = group.FirstOrDefault(r => r.Engine == Engines.LuceneParallel);
            if (ours != null && parallel != null)
            {
                double t = ours.Result.Seconds / parallel.Result.Seconds;
                rows.Add(($"indexing time ÷ plain Lucene.Net on all cores ≤ 1.0 (stretch 0.5): {group.Key.Label}", Formats.Ratio(t), t <= 1.0));
                double size = (double)ours.Result.IndexBytes / parallel.Result.IndexBytes;
                rows.Add(($"index size ÷ plain Lucene.Net (title and body stored) ≤ 1.5: {group.Key.Label}", Formats.Ratio(size), size <= 1.5));
            }
        }
        var synthetic = run.Indexing.Where(r => r.Engine == Engines.Ours && r.Corpus.Docs > 0).ToList();
        foreach (var g in synthetic.GroupBy(r => r.Corpus.Format))
        {
            var bySize = g.OrderBy(r => r.Corpus.Docs).ToList();
            for (int i = 1; i < bySize.Count; i++)
            {
                double scale = (double)bySize[i].Corpus.Docs / bySize[i - 1].Corpus.Docs;
                double t = bySize[i].Result.Seconds / bySize[i - 1].Result.Seconds;
                double m = (double)bySize[i].Result.PeakBytes / bySize[i - 1].Result.PeakBytes;
                string step = $"{Formats.Count(bySize[i - 1].Corpus.Docs)} → {Formats.Count(bySize[i].Corpus.Docs)}, {Fmt(g.Key)}";
                rows.Add(($"{Formats.N(scale)}× articles ≤ {Formats.N(scale * 1.05, 1)}× time ({step})", Formats.Ratio(t), t <= scale * 1.05));
                rows.Add(($"peak memory ≤ 1.5× for {Formats.N(scale)}× articles ({step})",
                    $"{Formats.Ratio(m)} ({Formats.Mb(bySize[i - 1].Result.PeakBytes)} → {Formats.Mb(bySize[i].Result.PeakBytes)} MB)", m <= 1.5));
            }
        }
        foreach (var c in QueryMix.All)
        {
            var ours = run.Queries.FirstOrDefault(q => q.Type == c.Type && q.Engine == Engines.Ours);
            var fts5 = run.Queries.FirstOrDefault(q => q.Type == c.Type && q.Engine == Engines.Fts5 && q.NotApplicable == null);
            var lucene = run.Queries.FirstOrDefault(q => q.Type == c.Type && q.Engine == Engines.Lucene && q.NotApplicable == null);
            var english = run.Queries.FirstOrDefault(q => q.Type == c.Type && q.Engine == Engines.LuceneParallel && q.NotApplicable == null);
            if (ours == null)
                continue;
            if (english != null)
                rows.Add(($"query p50 with snippets ≤ 1.5× plain Lucene.Net (the issue's peer: English, title and body stored): {c.Type}",
                    Formats.Ratio(ours.P50 / english.P50) + (lucene == null ? "" : $" (Standard, body not stored: {Formats.Ratio(ours.P50 / lucene.P50)})"), ours.P50 / english.P50 <= 1.5));
            if (fts5 != null)
                rows.Add(($"query p50 ≥ 10× faster than FTS5 ranked: {c.Type}", Formats.Ratio(fts5.P50 / ours.P50), fts5.P50 / ours.P50 >= 10));
            var bare = run.Queries.FirstOrDefault(q => q.Type == c.Type && q.Engine == Engines.OursNoSnippets);
            if (lucene != null)
                rows.Add(($"query p50 within 1.2× of plain Lucene: {c.Type}",
                    Formats.Ratio(ours.P50 / lucene.P50) + (bare == null ? "" : $" (no snippets: {Formats.Ratio(bare.P50 / lucene.P50)})"), ours.P50 / lucene.P50 <= 1.2));
            if (c.Type == "facets, all articles")
                rows.Add(("facet counting over all articles (3 dims) < 30 ms p50", Formats.Ms(ours.P50) + " ms", ours.P50 < 30));
        }
        foreach (var s in run.Startup)
        {
            if (s.What.StartsWith("`search query` → first result", StringComparison.Ordinal))
                rows.Add(("one-shot `search query` first result ≤ 0.6 s", $"{Formats.N(s.MedianMs)} ms", s.MedianMs <= 600));
            if (s.What.StartsWith("console → prompt", StringComparison.Ordinal))
            {
                var pty = run.Startup.FirstOrDefault(x => x.What.Contains("pty overhead", StringComparison.Ordinal));
                double own = s.MedianMs - (pty?.MedianMs ?? 0);
                rows.Add(("console prompt ≤ 0.5 s", $"{Formats.N(s.MedianMs)} ms ({Formats.N(own)} ms without the pty's own start-up)", own <= 500));
            }
        }
        if (rows.Count == 0)
            return;
        md.AppendLine("### Targets");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|--:|:-:|");
        foreach (var (target, measured, met) in rows)
            md.AppendLine($"| {target} | {measured} | {(met switch { true => "yes", false => "**no**", null => "" })} |");
        md.AppendLine();
    }

    private static void Profiles(StringBuilder md, SpeedRun run)
    {
        foreach (var (corpus, p) in run.Profiles)
        {
            md.AppendLine($"### Where our indexing time goes: {corpus.Label}, one thread");
            md.AppendLine();
            md.AppendLine($"Each stage over all {p.Articles:N0} articles ({Formats.Mb(p.TextBytes)} MB of text) in turn, timed alone. " +
                          "Our one-thread build ≈ scan + hash + choose reader + read + enrich + build documents + AddDocument; " +
                          "the indented analysis rows build our chain up one filter at a time (analysis is also inside every AddDocument row).");
            md.AppendLine();
            md.AppendLine("| stage | seconds | articles/s | note |");
            md.AppendLine("|---|--:|--:|---|");
            foreach (var s in p.Stages)
                md.AppendLine($"| {s.Stage} | {Formats.N(s.Seconds, 2)} | {Formats.N(p.Articles / s.Seconds)} | {s.Note} |");
            md.AppendLine();
        }
    }

    private static string Lat(QueryTiming? q) =>
        q == null ? "" : q.NotApplicable != null ? "n/a" : $"{Formats.Ms(q.P50)} / {Formats.Ms(q.P95)} / {Formats.Ms(q.P99)}";

    private static string Hits(QueryTiming? q) => q == null || q.NotApplicable != null ? "n/a" : q.Hits.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Fmt(Corpus c) => Fmt(c.Format);

    private static string Fmt(CorpusFormat f) => f == CorpusFormat.Txt ? "txt" : "JSONL";
}
