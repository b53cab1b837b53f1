using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Core.Ingest.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Search.Benchmarks.Extraction;

/// <summary>
/// <c>extraction [--shared DIR] [--timeout S] [--verbose]</c>: our HTML and PDF extraction against
/// same-run peers on <c>shared/corpora/extraction</c>: body F1 (AEB's metric, <see cref="ShingleMetric"/>)
/// on <c>aeb/</c> (peer: SmartReader alone), title/byline/site/date counts on <c>readability-news/</c>
/// (peer: SmartReader alone), body F1 and title/date on <c>pdf-wikinews/</c> and <c>aeb-pdf/</c>
/// (peer: PdfPig's <c>ContentOrderTextExtractor</c>, the raw text), with the median and slowest time
/// per file. Files are processed one at a time, so times are single-threaded.
/// </summary>
public static class ExtractionCommand
{
    public const string Name = "extraction";
    public const string Usage = "extraction [--shared DIR] [--timeout S] [--only SET] [--verbose] [--metadata] [--part tune|test] [--ours-only]   body F1 and metadata of HTML/PDF extraction vs. SmartReader / raw PdfPig";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        string? shared = null;
        var timeout = HtmlArticleReader.DefaultTimeout;
        bool verbose = false, metadata = false;
        string? only = null;
        Part part = Part.All;
        bool oursOnly = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--shared" when i + 1 < args.Length: shared = args[++i]; break;
                case "--timeout" when i + 1 < args.Length: timeout = TimeSpan.FromSeconds(double.Parse(args[++i], Inv)); break;
                case "--verbose": verbose = true; break;
                case "--metadata": metadata = true; break;
                case "--only" when i + 1 < args.Length: only = args[++i]; break;
                case "--part" when i + 1 < args.Length && args[i + 1] is "tune" or "test": part = args[++i] == "tune" ? Part.Tune : Part.Test; break;
                case "--ours-only": oursOnly = true; break;
                default:
                    Console.Error.WriteLine($"{Name}: unexpected argument '{args[i]}'\nusage: {Usage}");
                    return 2;
            }
        }
        string? root = FindExtractionCorpora(shared);
        if (root == null)
        {
            Console.Error.WriteLine($"{Name}: no corpora/extraction folder found; pass --shared DIR (the folder holding corpora/)");
            return 1;
        }
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Extraction benchmark ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, per-file timeout {timeout.TotalSeconds:0} s)");
        report.AppendLine();
        if (only is null or "aeb") Aeb(root, timeout, verbose, metadata, report);
        if (only is null or "aeb-scripted") AebScripted(root, timeout, report);
        if (only is null or "readability-news") ReadabilityNews(root, timeout, verbose, report);
        if (only is null or "pdf-wikinews") Pdfs(root, "pdf-wikinews", part, oursOnly, verbose, report);
        if (only is null or "aeb-pdf") Pdfs(root, "aeb-pdf", part, oursOnly, verbose, report);
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>Which files of a PDF set are scored: all, or one half of the files in name order
    /// (even positions: <c>tune</c>, odd: <c>test</c>), so rules chosen by looking at the tune half
    /// are reported on the other.</summary>
    private enum Part { All, Tune, Test }

    private static bool InPart(Part part, int position) => part == Part.All || (position % 2 == 0) == (part == Part.Tune);

    private static string? FindExtractionCorpora(string? shared)
    {
        if (shared != null)
            return Directory.Exists(Path.Combine(shared, "corpora", "extraction")) ? Path.Combine(shared, "corpora", "extraction") : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "corpora", "extraction");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }

    /// <summary>One extractor's results over a set: per-file scores and times.</summary>
    private sealed class ExtractorRun(string name)
    {
        public string Name { get; } = name;
        public List<ShingleMetric.Counts> Counts { get; } = [];
        public List<(string File, double Seconds)> Times { get; } = [];
        public int TimedOut;
        public int Failed;

        public string Row()
        {
            var s = ShingleMetric.Aggregate(Counts);
            var times = Times.Select(t => t.Seconds).Order().ToList();
            var slowest = Times.MaxBy(t => t.Seconds);
            return string.Create(Inv, $"| {Name} | {s.F1:0.000} | {s.Precision:0.000} | {s.Recall:0.000} | {times[times.Count / 2] * 1000:0} | {slowest.Seconds:0.00} s ({Short(slowest.File)}) | {TimedOut} | {Failed} |");
        }
    }

    private const string ScoreHeader = "| extractor | F1 | precision | recall | median ms/file | slowest | timed out | failed |\n|---|--:|--:|--:|--:|---|--:|--:|";

    private static string Short(string file) => file.Length > 24 ? file[..12] + "…" : file;

    private static void Aeb(string root, TimeSpan timeout, bool verbose, bool metadata, StringBuilder report)
    {
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "aeb", "ground-truth.json"))).RootElement;
        var ours = new ExtractorRun("ours (HtmlExtractor)");
        var peer = new ExtractorRun("SmartReader 0.11.1 alone");
        foreach (var entry in truth.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            string id = entry.Name;
            string expected = entry.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "";
            byte[] bytes = Gunzip(File.ReadAllBytes(Path.Combine(root, "aeb", "html", id + ".html.gz")));
            ExtractedPage? page = null;
            string body = Timed(ours, id, timeout, () => (page = HtmlExtractor.Extract(bytes)).Body);
            if (metadata && page != null)
                Console.WriteLine($"{id[..12]}\ttitle={page.Title}\tauthor={page.Metadata.Author}\tsection={page.Metadata.Section}\tsite={page.Metadata.SiteName}\tskip={page.NotAnArticle}");
            ours.Counts.Add(ShingleMetric.Compare(expected, body));
            string peerBody = Timed(peer, id, timeout, () => SmartReaderAlone(bytes).TextContent ?? "");
            peer.Counts.Add(ShingleMetric.Compare(expected, peerBody));
            if (verbose)
            {
                var c = ours.Counts[^1]; var pc = peer.Counts[^1];
                Console.Error.WriteLine(string.Create(Inv, $"aeb {id[..12]} ours P {ShingleMetric.PrecisionOf(c):0.00} R {ShingleMetric.RecallOf(c):0.00}  smartreader P {ShingleMetric.PrecisionOf(pc):0.00} R {ShingleMetric.RecallOf(pc):0.00}"));
            }
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"## aeb/: {ours.Counts.Count} web pages, body (target F1 ≥ 0.97)");
        report.AppendLine();
        report.AppendLine(ScoreHeader);
        report.AppendLine(ours.Row());
        report.AppendLine(peer.Row());
        report.AppendLine();
    }

    /// <summary>The AEB pages that declare their text in JSON-LD (<c>articleBody</c>) as a copy saved
    /// without running the page's scripts would hold them: the title and the JSON-LD kept, the
    /// visible body replaced by "Loading…". Before the declared text was read, each was skipped as
    /// "no article in the page"; scored against the same truth as the pages themselves.</summary>
    private static void AebScripted(string root, TimeSpan timeout, StringBuilder report)
    {
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "aeb", "ground-truth.json"))).RootElement;
        var ours = new ExtractorRun("ours (HtmlExtractor)");
        int skipped = 0;
        foreach (var entry in truth.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            string html = Encoding.UTF8.GetString(Gunzip(File.ReadAllBytes(Path.Combine(root, "aeb", "html", entry.Name + ".html.gz"))));
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*ld\\+json[^>]*>.*?</script>",
                System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase).Select(m => m.Value).ToList();
            if (!scripts.Any(x => x.Contains("\"articleBody\"", StringComparison.Ordinal)))
                continue;
            string title = System.Text.RegularExpressions.Regex.Match(html, "<title[^>]*>.*?</title>", System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase).Value;
            byte[] shell = Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{title}{string.Concat(scripts)}</head><body><div id=\"root\">Loading…</div></body></html>");
            string expected = entry.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "";
            ExtractedPage? page = null;
            string body = Timed(ours, entry.Name, timeout, () => (page = HtmlExtractor.Extract(shell)).NotAnArticle == null ? page.Body : "");
            if (body.Length == 0)
                skipped++;
            ours.Counts.Add(ShingleMetric.Compare(expected, body));
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"## aeb/ drawn by scripts: the {ours.Counts.Count} pages that declare articleBody, saved without their visible text ({skipped} left without an article)");
        report.AppendLine();
        report.AppendLine(ScoreHeader);
        report.AppendLine(ours.Row());
        report.AppendLine();
    }

    private static SmartReader.Article SmartReaderAlone(byte[] html)
    {
        // Passed as a stream: ParseArticle(url, html) binds the (uri, userAgent) overload and downloads.
        using var stream = new MemoryStream(html, writable: false);
        return SmartReader.Reader.ParseArticle("https://localhost/", stream);
    }

    private static string Timed(ExtractorRun run, string file, TimeSpan timeout, Func<string> work)
    {
        var clock = Stopwatch.StartNew();
        string? result;
        try
        {
            result = TimeBox.Run(work, timeout);
        }
        catch (Exception e)
        {
            run.Failed++;
            Console.Error.WriteLine($"{run.Name}: {file}: {e.GetType().Name}: {e.Message}");
            result = "";
        }
        run.Times.Add((file, clock.Elapsed.TotalSeconds));
        if (result == null)
        {
            run.TimedOut++;
            return "";
        }
        return result;
    }

    private static byte[] Gunzip(byte[] bytes) => Gzip.Unwrap(bytes).ToArray();

    /// <summary>Metadata counts on readability-news: title, byline, site name, date.</summary>
    private sealed class MetaCounts(string name)
    {
        public string Name { get; } = name;
        public int Title, Byline, Site, Date;
        public string Row(int titles, int bylines, int sites, int dates) =>
            $"| {Name} | {Title}/{titles} | {Byline}/{bylines} | {Site}/{sites} | {Date}/{dates} |";
    }

    private static void ReadabilityNews(string root, TimeSpan timeout, bool verbose, StringBuilder report)
    {
        var ours = new MetaCounts("ours (HtmlExtractor)");
        var peer = new MetaCounts("SmartReader 0.11.1 alone");
        int titles = 0, bylines = 0, sites = 0, dates = 0;
        foreach (string dir in Directory.GetDirectories(Path.Combine(root, "readability-news")).Order(StringComparer.Ordinal))
        {
            string metaPath = Path.Combine(dir, "expected-metadata.json");
            string sourcePath = Path.Combine(dir, "source.html");
            if (!File.Exists(metaPath) || !File.Exists(sourcePath))
                continue;
            var expected = JsonDocument.Parse(File.ReadAllText(metaPath)).RootElement;
            byte[] bytes = File.ReadAllBytes(sourcePath);
            ExtractedPage? page = TimeBox.Run(() => HtmlExtractor.Extract(bytes), timeout);
            SmartReader.Article? smart = TimeBox.Run(() => SmartReaderAlone(bytes), timeout);
            string name = Path.GetFileName(dir);
            string? eTitle = Str(expected, "title"), eByline = Str(expected, "byline"), eSite = Str(expected, "siteName"), eDate = Str(expected, "publishedTime");
            if (eTitle != null)
            {
                titles++;
                Count(ref ours.Title, MetadataMatch.Title(eTitle, page?.Title), verbose, name, "title", eTitle, page?.Title);
                Count(ref peer.Title, MetadataMatch.Title(eTitle, smart?.Title), verbose, name, "peer title", eTitle, smart?.Title);
            }
            if (eByline != null)
            {
                bylines++;
                Count(ref ours.Byline, MetadataMatch.Byline(eByline, page?.Metadata.Author), verbose, name, "byline", eByline, page?.Metadata.Author);
                Count(ref peer.Byline, MetadataMatch.Byline(eByline, smart?.Byline ?? smart?.Author), verbose, name, "peer byline", eByline, smart?.Byline ?? smart?.Author);
            }
            if (eSite != null)
            {
                sites++;
                Count(ref ours.Site, MetadataMatch.Title(eSite, page?.Metadata.SiteName), verbose, name, "site", eSite, page?.Metadata.SiteName);
                Count(ref peer.Site, MetadataMatch.Title(eSite, smart?.SiteName), false, name, "", "", "");
            }
            if (eDate != null)
            {
                dates++;
                Count(ref ours.Date, MetadataMatch.Date(eDate, page?.Metadata.Published), verbose, name, "date", eDate, page?.Metadata.Published);
                Count(ref peer.Date, MetadataMatch.Date(eDate, smart?.PublicationDate?.ToString("yyyy-MM-dd", Inv)), verbose, name, "peer date", eDate, smart?.PublicationDate?.ToString("yyyy-MM-dd", Inv));
            }
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"## readability-news/: metadata (targets: title ≥ 48/49, byline ≥ 38/43, date ≥ 15/17)");
        report.AppendLine();
        report.AppendLine("| extractor | title | byline | site name | date |\n|---|--:|--:|--:|--:|");
        report.AppendLine(ours.Row(titles, bylines, sites, dates));
        report.AppendLine(peer.Row(titles, bylines, sites, dates));
        report.AppendLine();
    }

    private static void Count(ref int counter, bool match, bool verbose, string page, string field, string expected, string? actual)
    {
        if (match)
            counter++;
        else if (verbose)
            Console.Error.WriteLine($"readability-news {page} {field}: expected '{expected}', got '{actual}'");
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    /// <summary>The headline of an AEB page, the truth for the title of its printout: the title our
    /// HTML reader finds (checked by hand on the pages: the headline without the site's name, often
    /// og:title), or the visible headline, an <c>&lt;h1&gt;</c> of three words or more (sites print
    /// a headline that differs from og:title). Alternatives are separated by '\n'.</summary>
    private static string? HeadlineOfPage(string root, string id)
    {
        byte[] bytes = Gunzip(File.ReadAllBytes(Path.Combine(root, "aeb", "html", id + ".html.gz")));
        string t = HtmlExtractor.Extract(bytes).Title;
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(HtmlCharset.Decode(bytes, out _));
        var h1 = document.QuerySelectorAll("h1").Select(h => Search.Core.Ingest.ParagraphText.CollapseWhitespace(h.TextContent))
            .Where(h => h.Split(' ').Length >= 3).Take(2);
        string all = string.Join("\n", h1.Prepend(t).Where(x => x.Length > 0).Distinct());
        return all.Length > 0 ? all : null;
    }

    private static bool AnyTitle(string expected, string? actual) => expected.Split('\n').Any(e => MetadataMatch.Title(e, actual));

    private static void Pdfs(string root, string set, Part part, bool oursOnly, bool verbose, StringBuilder report)
    {
        string dir = Path.Combine(root, set);
        Dictionary<string, (string Body, string? Title, string? Date)> truth = set == "pdf-wikinews"
            ? JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "truth.json"))).RootElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => (p.Value.GetProperty("body").GetString() ?? "", Str(p.Value, "title"), Str(p.Value, "date")))
            : JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "aeb", "ground-truth.json"))).RootElement.EnumerateObject()
                .Where(p => File.Exists(Path.Combine(dir, p.Name + ".pdf")))
                .ToDictionary(p => p.Name + ".pdf", p => (p.Value.GetProperty("articleBody").GetString() ?? "", HeadlineOfPage(root, p.Name), (string?)null));
        var pdfTimeout = PdfArticleReader.DefaultTimeout;
        var ours = new ExtractorRun("ours (PdfExtractor)");
        var peer = new ExtractorRun("PdfPig ContentOrderTextExtractor (raw text)");
        int titleMatches = 0, titles = 0, dateMatches = 0, dates = 0;
        int position = -1;
        foreach (var (file, t) in truth.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!InPart(part, ++position))
                continue;
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir, file));
            ExtractedPdf? got = null;
            string body = Timed(ours, file, pdfTimeout, () => (got = PdfExtractor.Extract(bytes)).Body);
            ours.Counts.Add(ShingleMetric.Compare(t.Body, body));
            string raw = oursOnly ? "" : Timed(peer, file, pdfTimeout, () =>
            {
                using var doc = PdfDocument.Open(bytes);
                return string.Join("\n", doc.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
            });
            peer.Counts.Add(ShingleMetric.Compare(t.Body, raw));
            if (t.Title != null) { titles++; if (AnyTitle(t.Title, got?.Title)) titleMatches++; else if (verbose) Console.Error.WriteLine($"{set} {file} title: expected '{t.Title}', got '{got?.Title}'"); }
            if (t.Date != null) { dates++; if (MetadataMatch.Date(t.Date, got?.Published)) dateMatches++; else if (verbose) Console.Error.WriteLine($"{set} {file} date: expected '{t.Date}', got '{got?.Published}'"); }
            if (verbose)
            {
                var c = ours.Counts[^1];
                Console.Error.WriteLine(string.Create(Inv, $"{set} {Short(file)} ours P {ShingleMetric.PrecisionOf(c):0.00} R {ShingleMetric.RecallOf(c):0.00}"));
            }
        }
        string target = set == "pdf-wikinews" ? "0.97" : "0.85";
        string half = part == Part.All ? "" : $" ({part.ToString().ToLowerInvariant()} half)";
        report.AppendLine(CultureInfo.InvariantCulture, $"## {set}/: {ours.Counts.Count} PDFs{half}, body (target F1 ≥ {target})");
        report.AppendLine();
        report.AppendLine(ScoreHeader);
        report.AppendLine(ours.Row());
        if (!oursOnly)
            report.AppendLine(peer.Row());
        if (titles > 0)
            report.AppendLine(CultureInfo.InvariantCulture, $"\nours: title {titleMatches}/{titles}, date {dateMatches}/{dates}");
        report.AppendLine();
    }
}
