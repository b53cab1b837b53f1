using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Ingest;

/// <summary>`search index` over a web archive that wget wrote (the Core tests' fixture, three seed
/// articles on a small site), as docs/usage.md's "Web archives" describes it.</summary>
public sealed class WebArchiveIndexingTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void An_archive_is_indexed_page_by_page_with_its_skipped_front_page_and_captures_shown_once()
    {
        string root = Path.Combine(_tmp.Path, "crawls");
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Warc/Fixture/crawl.warc.gz"), Path.Combine(root, "crawl.warc.gz"));
        string index = Path.Combine(_tmp.Path, "index");
        var build = SearchCli.InProcess("index", root, "--index", index, "--json");
        Assert.Equal(0, build.Code);
        using (var summary = JsonDocument.Parse(build.Out))
        {
            Assert.Equal(4, summary.RootElement.GetProperty("articles_added").GetInt32());
            var skipped = Assert.Single(summary.RootElement.GetProperty("skipped").EnumerateArray().ToList());
            Assert.Equal(("crawl.warc.gz", 3), (skipped.GetProperty("file").GetString(), skipped.GetProperty("line").GetInt32()));
        }

        var query = SearchCli.InProcess("query", "Matovič", "--index", index, "--json");
        using (var result = JsonDocument.Parse(query.Out))
        {
            var hit = Assert.Single(result.RootElement.GetProperty("hits").EnumerateArray().ToList());
            Assert.Equal("crawl.warc.gz#11", hit.GetProperty("id").GetString());
            Assert.Equal("http://127.0.0.1:8765/2020/10/matovic.html", hit.GetProperty("url").GetString());
        }
        // The Samoa page was captured twice: one story of two articles.
        var samoa = SearchCli.InProcess("query", "samoa measles", "--index", index);
        Assert.Contains("1 story (2 articles)", samoa.Out);
        Assert.Contains("crawl.warc.gz#7", samoa.Out);
        Assert.Contains("+1 copy", samoa.Out);
    }
}
