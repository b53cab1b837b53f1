using System.IO.Compression;
using System.Text;
using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Ingest.Warc;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Warc;

/// <summary>
/// Web archives. <c>Fixture/crawl.warc.gz</c> is what wget 1.21 wrote archiving a small site made
/// of three seed articles (<c>Fixture/make-crawl.sh</c>): a front page of links, a page sent
/// chunked and gzipped, a page in Windows-1250 that only its HTTP header declares (read as Windows-1252 without it), a redirect, a
/// missing page, a stylesheet, an image, and wget's own requests and metadata.
/// </summary>
public sealed class WarcArticleReaderTests
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Warc/Fixture/crawl.warc.gz");
    private const string Site = "http://127.0.0.1:8765";

    [Fact]
    public void A_crawl_reads_as_its_articles_in_order_and_passes_over_what_is_not_a_page()
    {
        using var dir = new TempDir();
        var items = ReadAll(new WarcArticleReader(), WriteBytes(dir, "crawls/crawl.warc.gz", File.ReadAllBytes(Fixture)));
        var articles = Articles(items);
        // wget fetched the Samoa page twice (once more after the redirect): two captures, two records.
        Assert.Equal(
            [($"{Site}/2020/01/samoa-measles.html", 7), ($"{Site}/2020/01/soleimani.html", 9), ($"{Site}/2020/10/matovic.html", 11), ($"{Site}/2020/01/samoa-measles.html", 15)],
            articles.Select(a => (a.Url!, a.Record!.Value)));
        Assert.All(articles, a => Assert.Equal($"crawls/crawl.warc.gz#{a.Record}", a.Id));
        Assert.All(articles, a => Assert.Equal(a.Record, a.Line));
        Assert.Equal("Samoan government ends state of emergency over measles outbreak", articles[0].Title);
        Assert.Equal("2020-01-01", articles[0].Published);
        Assert.Contains("The island nation's cabinet unanimously voted to lift it", articles[0].Body);
        // Chunked and gzipped on the wire, as the archive keeps it.
        Assert.Contains("Qasem Soleimani", articles[1].Title);
        Assert.Contains("Soleimani", articles[1].Body);
        // Windows-1250, declared only by the server.
        Assert.Equal("Prime Minister of Slovakia Igor Matovič tests positive for COVID-19", articles[2].Title);
        Assert.Contains("Sulík", articles[2].Body);
        // The front page is a page with no article: reported with its record and address, not lost.
        var problem = Assert.Single(Problems(items));
        Assert.Equal(3, problem.Line);
        Assert.StartsWith($"{Site}/: ", problem.Reason);
    }

    [Fact]
    public void Records_of_every_kind_an_archive_holds_resources_pdfs_revisits_and_bare_line_feeds()
    {
        using var dir = new TempDir();
        byte[] warc = Concat(
            Record("warcinfo", null, "application/warc-fields", "software: test\r\n"u8.ToArray()),
            Record("resource", "https://example.org/2021/05/bridge.html", "text/html; charset=utf-8", Page("Council approves the bridge", "The council voted to build a second bridge across the river, ending a long debate in the city.")),
            Record("response", "https://example.org/bridge.pdf", "application/http; msgtype=response", Http("200 OK", "application/pdf", ArticlePdf.Build(pages: 1))),
            Record("revisit", "https://example.org/2021/05/bridge.html", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray()),
            Record("response", "https://example.org/logo.svg", "application/http; msgtype=response", Http("200 OK", "image/svg+xml", "<svg/>"u8.ToArray())),
            Record("response", "https://example.org/moved", "application/http; msgtype=response", Http("302 Found", "text/html", Page("Moved", "This page has moved elsewhere on the site; follow the link to read it."))),
            Record("response", "https://example.org/2021/06/ferry.html", "application/http; msgtype=response", Http("200 OK", null, Page("Ferry keeps running", "The old ferry will keep running every twenty minutes while the bridge is built.")), lineFeedsOnly: true));
        var items = ReadAll(new WarcArticleReader(), WriteBytes(dir, "site.warc", warc));
        Assert.Empty(Problems(items));
        var articles = Articles(items);
        Assert.Equal([2, 3, 7], articles.Select(a => a.Record!.Value));
        Assert.Equal("Council approves the bridge", articles[0].Title);
        Assert.Equal("https://example.org/bridge.pdf", articles[1].Url);
        Assert.Contains("second bridge across the river", articles[1].Body);
        Assert.Equal("Ferry keeps running", articles[2].Title); // no Content-Type: known as a page by its start
    }

    [Fact]
    public void An_archive_cut_short_keeps_what_came_before_and_says_where_it_ends()
    {
        using var dir = new TempDir();
        byte[] expanded = Expand(File.ReadAllBytes(Fixture));
        int matovic = IndexOf(expanded, "WARC-Target-URI: <http://127.0.0.1:8765/2020/10/matovic.html>", second: true);
        var items = ReadAll(new WarcArticleReader(), WriteBytes(dir, "cut.warc", expanded[..(matovic + 400)]));
        Assert.Equal([7, 9], Articles(items).Select(a => a.Record!.Value));
        var problem = Problems(items)[^1];
        Assert.Equal(11, problem.Line);
        Assert.Contains("the file ends inside record 11", problem.Reason);

        // The gzipped file cut anywhere: no exception, the records before the cut are read.
        byte[] gz = File.ReadAllBytes(Fixture);
        var cutGz = ReadAll(new WarcArticleReader(), WriteBytes(dir, "cut.warc.gz", gz[..(gz.Length * 2 / 3)]));
        Assert.Contains(7, Articles(cutGz).Select(a => a.Record!.Value));
        Assert.True(Articles(cutGz).Count < 4);
        Assert.NotEmpty(Problems(cutGz));
    }

    [Theory]
    [InlineData("Just some notes, not an archive.\n", 1, "not a WARC file")]
    [InlineData("WARC/1.0\r\nWARC-Type: resource\r\n\r\nno length\r\n\r\n", 1, "record 1 has no Content-Length")]
    public void A_file_that_is_not_warc_is_one_problem(string content, int line, string reason)
    {
        using var dir = new TempDir();
        var problem = Assert.Single(ReadAll(new WarcArticleReader(), WriteText(dir, "notes.warc", content))).Problem!;
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason);
    }

    [Fact]
    public void A_wrong_content_length_stops_at_the_record_after_it()
    {
        using var dir = new TempDir();
        byte[] good = Record("resource", "https://example.org/a.html", "text/html", Page("First story", "The first story of the archive has enough words to be read as an article."));
        byte[] bad = Record("resource", "https://example.org/b.html", "text/html", Page("Second story", "The second story of the archive has enough words to be read as an article."));
        string text = Encoding.UTF8.GetString(bad).Replace("Content-Length: ", "Content-Length: 1");
        var items = ReadAll(new WarcArticleReader(), WriteBytes(dir, "a.warc", Concat(good, Encoding.UTF8.GetBytes(text), good)));
        Assert.Equal([1], Articles(items).Select(a => a.Record!.Value));
        Assert.Contains("the file ends inside record 2", Assert.Single(Problems(items)).Reason);
    }

    /// <summary>A Content-Length too short gave two problems for one fault: the record's cut bytes
    /// read as its document (a damaged PDF, or a page cut short), and the record after it, named as
    /// the one that "does not start" right. One problem now, naming the record whose length is wrong.</summary>
    [Theory]
    [InlineData("resource", "https://example.org/b.html")]
    [InlineData("metadata", null)] // a record not read as a page is passed over by its length too
    public void A_content_length_too_short_is_one_problem_naming_its_record(string type, string? uri)
    {
        using var dir = new TempDir();
        byte[] first = Record("resource", "https://example.org/a.html", "text/html", Page("First story", "The first story of the archive has enough words to be read as an article."));
        byte[] second = Record(type, uri, "text/html", Page("Second story", "The second story of the archive has enough words to be read as an article."));
        string text = System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(second), @"Content-Length: \d+", "Content-Length: 40");
        var items = ReadAll(new WarcArticleReader(), WriteBytes(dir, "a.warc", Concat(first, Encoding.UTF8.GetBytes(text), first)));
        Assert.Equal([1], Articles(items).Select(a => a.Record!.Value));
        var problem = Assert.Single(Problems(items));
        Assert.Equal(2, problem.Line);
        Assert.Contains("record 2's Content-Length is wrong", problem.Reason);
    }

    /// <summary>Through a build: the archive read whole (small) and streamed (as a big one is) gives
    /// the same articles, and a second build finds nothing changed.</summary>
    [Theory]
    [InlineData(16 << 20)]
    [InlineData(0)]
    public void An_archive_builds_into_the_index_whole_or_streamed(long readWholeLimit)
    {
        using var dir = new TempDir();
        string root = dir.Sub("archive");
        Directory.CreateDirectory(root);
        File.Copy(Fixture, Path.Combine(root, "crawl.warc.gz"));
        string index = dir.Sub("index");
        var summary = RunBuild(new BuildOptions { Roots = [root], IndexPath = index, ReadWholeLimit = readWholeLimit });
        Assert.Equal(4, summary.ArticlesAdded);
        Assert.Equal("crawl.warc.gz:3", $"{Assert.Single(summary.Skipped).File}:{summary.Skipped[0].Line}");
        Assert.Equal(["crawl.warc.gz#11", "crawl.warc.gz#15", "crawl.warc.gz#7", "crawl.warc.gz#9"], Read(index).Articles.Keys.Select(k => k.Id).Order(StringComparer.Ordinal));
        var again = RunBuild(new BuildOptions { Roots = [root], IndexPath = index, ReadWholeLimit = readWholeLimit });
        Assert.Equal(0, again.ArticlesAdded + again.ArticlesUpdated);
    }

    /// <summary>Real news pages (the AEB set) archived as a crawler keeps them, every other one
    /// chunked and gzipped on the wire, read as the same pages saved as files are: the same
    /// articles, field for field.</summary>
    [SharedFact]
    public void Real_news_pages_read_from_an_archive_as_from_their_files()
    {
        using var dir = new TempDir();
        var pages = new Search.Core.Ingest.Html.HtmlArticleReader();
        string[] files = Directory.GetFiles(SharedCorpus.Path("corpora", "extraction", "aeb", "html"), "*.html.gz").Order(StringComparer.Ordinal).ToArray();
        var archive = new MemoryStream();
        var expected = new List<Article?>();
        foreach (var (file, i) in files.Select((f, i) => (f, i)))
        {
            byte[] html = Expand(File.ReadAllBytes(file));
            byte[] http = i % 2 == 0
                ? Http("200 OK", "text/html", html)
                : Concat("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), Chunked(File.ReadAllBytes(file)));
            using (var gzip = new GZipStream(archive, CompressionLevel.Fastest, leaveOpen: true))
                gzip.Write(Record("response", $"https://aeb.example/{Path.GetFileName(file)[..12]}", "application/http; msgtype=response", http));
            expected.Add(pages.Read(SourceFor(dir.Path, Path.GetFileName(file)), html).Single().Article);
        }
        var items = ReadAll(new WarcArticleReader(), WriteBytes(dir, "aeb.warc.gz", archive.ToArray()));
        var read = Articles(items).ToDictionary(a => a.Record!.Value);
        Assert.Equal(expected.Count(a => a != null), read.Count);
        Assert.Equal(files.Length - read.Count, Problems(items).Count);
        foreach (var (want, record) in expected.Select((a, i) => (a, i + 1)).Where(p => p.a != null))
        {
            Article got = read[record];
            Assert.Equal((want!.Title, want.Body, want.Author, want.Published, want.Section), (got.Title, got.Body, got.Author, got.Published, got.Section));
            Assert.Equal(want.Url ?? $"https://aeb.example/{Path.GetFileName(files[record - 1])[..12]}", got.Url);
        }
    }

    private static byte[] Chunked(byte[] body)
    {
        var output = new MemoryStream();
        for (int i = 0; i < body.Length; i += 4096)
        {
            int n = Math.Min(4096, body.Length - i);
            output.Write(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
            output.Write(body, i, n);
            output.Write("\r\n"u8);
        }
        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }

    private static byte[] Page(string title, string text) =>
        Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>");

    private static byte[] Http(string status, string? type, byte[] body) =>
        Concat(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{(type == null ? "" : $"Content-Type: {type}\r\n")}Content-Length: {body.Length}\r\n\r\n"), body);

    private static byte[] Record(string type, string? uri, string contentType, byte[] block, bool lineFeedsOnly = false)
    {
        string nl = lineFeedsOnly ? "\n" : "\r\n";
        string headers = $"WARC/1.1{nl}WARC-Type: {type}{nl}{(uri == null ? "" : $"WARC-Target-URI: {uri}{nl}")}WARC-Date: 2021-05-11T10:00:00Z{nl}Content-Type: {contentType}{nl}Content-Length: {block.Length}{nl}{nl}";
        return Concat(Encoding.ASCII.GetBytes(headers), block, Encoding.ASCII.GetBytes(nl + nl));
    }

    [Fact]
    public void An_archive_gzipped_whole_and_cut_where_a_record_ends_says_the_rest_is_missing()
    {
        // gzip over the whole file (not a member per record) cut after record 8: the records read
        // end cleanly, and only gzip can tell that more was meant to follow.
        using var dir = new TempDir();
        byte[] expanded = Expand(File.ReadAllBytes(Fixture));
        int record9 = IndexOf(expanded, "WARC/1.0\r\n", second: false);
        for (int i = 0; i < 8; i++)
            record9 += 1 + expanded.AsSpan(record9 + 1).IndexOf("WARC/1.0\r\n"u8);
        byte[] cut = Concat(Gzipped(expanded[..record9]), Gzipped(expanded[record9..])[..10]);
        var items = ReadAll(new WarcArticleReader(), WriteBytes(dir, "cut.warc.gz", cut));
        var whole = ReadAll(new WarcArticleReader(), WriteBytes(dir, "whole.warc.gz", Gzipped(expanded)));
        Assert.DoesNotContain(Problems(whole), p => p.Reason.Contains("gzip", StringComparison.Ordinal));
        Assert.True(Articles(items).Count < Articles(whole).Count);
        var problem = Problems(items)[^1];
        Assert.Equal(9, problem.Line);
        Assert.StartsWith("gzip data cut short after ", problem.Reason);
        Assert.EndsWith("the records after 8 are missing", problem.Reason);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Expand(byte[] gz)
    {
        using var gzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static int IndexOf(byte[] bytes, string text, bool second)
    {
        byte[] needle = Encoding.ASCII.GetBytes(text);
        int first = bytes.AsSpan().IndexOf(needle);
        return second ? first + needle.Length + bytes.AsSpan(first + needle.Length).IndexOf(needle) : first;
    }
}
