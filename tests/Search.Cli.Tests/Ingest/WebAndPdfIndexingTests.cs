using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Ingest;

/// <summary>`search index` over saved web pages and PDFs, as README's worked example runs it.</summary>
public sealed class WebAndPdfIndexingTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private string Dir => _tmp.Path;

    private const string Page = """
        <html lang="en"><head><meta charset="windows-1252">
        <title>Harbour reopens after the storm | Coastal Times</title>
        <meta property="og:site_name" content="Coastal Times">
        <meta name="author" content="Tom Berg">
        <meta property="article:published_time" content="2022-10-03T07:00:00+02:00">
        <link rel="canonical" href="https://coastal-times.example/news/harbour-reopens">
        </head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Harbour reopens after the storm</h1>
        <p>The harbour reopened to ferries on Monday morning, two days after the storm tore through the town and sank three fishing boats at their moorings.</p>
        <p>Divers spent Sunday checking the quay walls, and the port authority said that the café on the pier would stay closed until its roof was repaired.</p>
        </article></body></html>
        """;

    public WebAndPdfIndexingTests()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "in"));
        // UTF-8 bytes under a windows-1252 declaration: the page lies about its charset.
        File.WriteAllBytes(Path.Combine(Dir, "in", "harbour.html"), Encoding.UTF8.GetBytes(Page));
        using (var gz = new GZipStream(File.Create(Path.Combine(Dir, "in", "harbour-copy.html.gz")), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes(Page.Replace("Harbour reopens after the storm", "Harbour copy")));
        File.WriteAllBytes(Path.Combine(Dir, "in", "bridge.pdf"), ArticlePdf.Build(pages: 2));
        File.WriteAllBytes(Path.Combine(Dir, "in", "scan.pdf"), ArticlePdf.Scanned());
        File.WriteAllBytes(Path.Combine(Dir, "in", "broken.pdf"), ArticlePdf.Build()[..400]);
    }

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Pages_and_pdfs_are_indexed_and_shown_with_their_metadata_while_bad_ones_are_skipped()
    {
        string index = Path.Combine(Dir, "index");
        var build = SearchCli.InProcess("index", Path.Combine(Dir, "in"), "--index", index, "--json");
        Assert.Equal(0, build.Code);
        using (var summary = JsonDocument.Parse(build.Out))
        {
            Assert.Equal(3, summary.RootElement.GetProperty("articles_added").GetInt32());
            var skipped = summary.RootElement.GetProperty("skipped").EnumerateArray()
                .ToDictionary(s => s.GetProperty("file").GetString()!, s => s.GetProperty("reason").GetString()!);
            Assert.Equal(["broken.pdf", "scan.pdf"], skipped.Keys.Order());
            Assert.StartsWith("scanned PDF: no text layer", skipped["scan.pdf"]);
        }

        var page = Show(index, "harbour.html");
        Assert.Equal("Harbour reopens after the storm", page.GetProperty("title").GetString());
        Assert.Equal("Tom Berg", page.GetProperty("author").GetString());
        Assert.Equal("2022-10-03", page.GetProperty("published").GetString());
        Assert.Equal("Coastal Times", page.GetProperty("source").GetString());
        Assert.Equal("https://coastal-times.example/news/harbour-reopens", page.GetProperty("url").GetString());
        Assert.Equal("en", page.GetProperty("language").GetString());
        // The PDF declares no language: it is detected (issue 23), an ISO 639-1 code.
        Assert.Matches("^[a-z]{2}$|^und$", Show(index, "bridge.pdf").GetProperty("language").GetString());
        Assert.StartsWith("The harbour reopened to ferries", page.GetProperty("body").GetString());
        Assert.Contains("the café on the pier", page.GetProperty("body").GetString());
        Assert.Equal("Harbour copy", Show(index, "harbour-copy.html.gz").GetProperty("title").GetString());

        var pdf = Show(index, "bridge.pdf");
        Assert.Equal(ArticlePdf.Title, pdf.GetProperty("title").GetString());
        Assert.Equal("Maria Keller", pdf.GetProperty("author").GetString());
        Assert.Equal("2021-05-11", pdf.GetProperty("published").GetString());
        Assert.Equal(string.Join("\n\n", ArticlePdf.Paragraphs), pdf.GetProperty("body").GetString());

        var again = SearchCli.InProcess("index", Path.Combine(Dir, "in"), "--index", index, "--json");
        using var second = JsonDocument.Parse(again.Out);
        Assert.Equal(3, second.RootElement.GetProperty("articles_unchanged").GetInt32());
    }

    private static JsonElement Show(string index, string id)
    {
        var run = SearchCli.InProcess("show", id, "--index", index, "--json");
        Assert.Equal(0, run.Code);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }
}
