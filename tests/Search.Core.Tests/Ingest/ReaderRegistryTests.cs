using System.Text;
using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

public class ReaderRegistryTests
{
    private static readonly ReaderRegistry Registry = ReaderRegistry.Default;

    private static ReaderResolution Resolve(string path, string head) => Registry.Resolve(path, Encoding.UTF8.GetBytes(head));

    [Theory]
    [InlineData("a/b.txt", "text")]
    [InlineData("a/b.TEXT", "text")]
    [InlineData("b.csv", "csv")]
    [InlineData("b.TSV", "csv")]
    [InlineData("b.jsonl", "jsonl")]
    [InlineData("b.ndjson", "jsonl")]
    public void HandledExtensionsResolveToTheirReader(string path, string format)
    {
        ReaderResolution r = Resolve(path, "{\"title\": \"x\"}\n");
        Assert.Equal(FileDisposition.Read, r.Disposition);
        Assert.Equal(format, r.Reader?.Format);
        Assert.False(r.IsProblem);
    }

    [Fact]
    public void JsonIsReadAsJsonLinesWhenItHoldsAnObjectPerLineElseAsOneDocument()
    {
        Assert.Equal("jsonl", Resolve("x.json", "{\"title\": \"x\"}\n{\"title\": \"y\"}").Reader?.Format);
        Assert.Equal("json", Resolve("x.json", "{\n  \"title\": \"x\"\n}").Reader?.Format);
        Assert.Equal("json", Resolve("x.json", "[\n  {\"title\": \"x\"}\n]").Reader?.Format);
        Assert.Equal(FileDisposition.NotArticles, Resolve("x.json", "\"just a string\"").Disposition); // a JSON file all the same: reported, not ignored
    }

    [Theory]
    [InlineData("news.jsonl.gz", "{\"title\": \"x\"}\n", "jsonl")]
    [InlineData("news.json.gz", "[\n  {\"title\": \"x\"}\n]", "json")]
    [InlineData("table.csv.gz", "title,body\nA,B\n", "csv")]
    [InlineData("table.tsv.gz", "title\tbody\nA\tB\n", "csv")]
    [InlineData("note.txt.gz", "Title\n\nBody.\n", "text")]
    public void A_gzipped_export_is_read_as_the_file_inside(string path, string content, string format)
    {
        ReaderResolution r = Registry.Resolve(path, Gzipped(content));
        Assert.Equal(FileDisposition.Read, r.Disposition);
        Assert.Equal(format, r.Reader?.Format);
        Assert.True(r.Gzipped);
        Assert.False(Resolve(path[..^3], content).Gzipped);
    }

    [Fact]
    public void Gzip_that_is_not_an_export_is_ignored_or_reported()
    {
        Assert.Equal(FileDisposition.Ignored, Registry.Resolve("photo.jpg.gz", Gzipped("x")).Disposition);
        Assert.Equal(FileDisposition.Empty, Registry.Resolve("table.csv.gz", Gzipped("")).Disposition);
        Assert.Equal(FileDisposition.Empty, Registry.Resolve("table.csv.gz", []).Disposition);
        Assert.Equal(FileDisposition.Empty, Registry.Resolve("table.csv.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]).Disposition); // gzip of nothing
        var corrupt = Registry.Resolve("news.jsonl.gz", [0x1F, 0x8B, 0x08, 0x00, 0x6E, 0x6F]);
        Assert.Equal(FileDisposition.Binary, corrupt.Disposition);
        Assert.Equal("corrupt gzip data", corrupt.Reason);
    }

    [Theory]
    [InlineData("NOTICE.md")]
    [InlineData("photo.JPG")]
    [InlineData("notes.txt.gz")]
    [InlineData("Makefile")]
    public void OtherFilesAreIgnoredNotErrors(string path)
    {
        ReaderResolution r = Resolve(path, "# Notice\n");
        Assert.Equal(FileDisposition.Ignored, r.Disposition);
        Assert.Null(r.Reader);
        Assert.False(r.IsProblem);
        Assert.StartsWith("ignored", r.Reason);
    }

    [Theory]
    [InlineData("page.html", "html")]
    [InlineData("page.HTM", "html")]
    [InlineData("page.xhtml", "html")]
    [InlineData("archive/page.html.gz", "html")]
    [InlineData("page.htm.gz", "html")]
    [InlineData("paper.pdf", "pdf")]
    [InlineData("release.rtf", "rtf")]
    [InlineData("release.rtf.gz", "rtf")]
    public void PagesAndPdfsGoToByteReadersEvenWhenTheirHeadLooksBinary(string path, string format)
    {
        // gzip magic and a PDF's binary comment line: head sniffing must not call these "binary file".
        ReaderResolution r = Registry.Resolve(path, [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);
        Assert.Equal(FileDisposition.Read, r.Disposition);
        Assert.Equal(format, r.Reader?.Format);
        Assert.IsAssignableFrom<IBinaryArticleReader>(r.Reader);
        Assert.Equal(FileDisposition.Empty, Registry.Resolve(path, []).Disposition);
    }

    [Theory]
    [InlineData("a.txt", "")]
    [InlineData("a.json", "")] // its readers decide by the first character, which it lacks
    [InlineData("a.json", " \n\n")]
    [InlineData("a.json", "\uFEFF")]
    public void EmptyHandledFileIsEmpty(string path, string content)
    {
        ReaderResolution r = Resolve(path, content);
        Assert.Equal(FileDisposition.Empty, r.Disposition);
        Assert.Equal("empty file", r.Reason);
        Assert.True(r.IsProblem);
    }

    [Theory]
    [InlineData("utf-16")] // little-endian with its BOM: what PowerShell 5's Out-File writes
    [InlineData("utf-16BE")]
    public void Utf16JsonIsReadAsJson(string encoding)
    {
        var utf16 = Encoding.GetEncoding(encoding);
        byte[] Bytes(string text) => [.. utf16.GetPreamble(), .. utf16.GetBytes(text)];
        Assert.Equal("json", Registry.Resolve("ps.json", Bytes("[\r\n    {\r\n        \"title\": \"x\"\r\n    }\r\n]")).Reader?.Format);
        Assert.Equal("jsonl", Registry.Resolve("ps.json", Bytes("{\"title\": \"x\"}\n{\"title\": \"y\"}")).Reader?.Format);
        Assert.Equal(FileDisposition.NotArticles, Registry.Resolve("ps.json", Bytes("42")).Disposition);
    }

    [Theory]
    [InlineData("42\n", "no articles: the JSON holds a number, not an article object or a list of them")]
    [InlineData("\"just text\"", "no articles: the JSON holds a string, not an article object or a list of them")]
    [InlineData("null", "no articles: the JSON holds null, not an article object or a list of them")]
    [InlineData("\uFEFF  true", "no articles: the JSON holds true or false, not an article object or a list of them")]
    [InlineData("<html><body>a page", "no articles: the JSON holds text that is not JSON (it starts with '<html><body>'), not an article object or a list of them")]
    public void JsonHoldingNoObjectOrArrayIsAProblemNotAnIgnoredFormat(string content, string reason)
    {
        ReaderResolution r = Resolve("a.json", content);
        Assert.Equal(FileDisposition.NotArticles, r.Disposition);
        Assert.Equal(reason, r.Reason);
        Assert.True(r.IsProblem);
        Assert.Null(r.Reader);
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("a.csv")]
    [InlineData("a.jsonl")]
    public void BinaryHandledFileIsBinary(string path)
    {
        ReaderResolution r = Registry.Resolve(path, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);
        Assert.Equal(FileDisposition.Binary, r.Disposition);
        Assert.Equal("binary file", r.Reason);
        Assert.True(r.IsProblem);
    }

    [Fact]
    public void ResolvesSeedFilesFromDisk()
    {
        string[] names = Directory.GetFiles(RepoPaths.Seeds).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        var formats = names.ToDictionary(n => n, n => Registry.Resolve(SourceFor(RepoPaths.Seeds, n)));
        Assert.Equal("text", formats["000_9ea3fcf4dd3ee866.txt"].Reader?.Format);
        Assert.Equal("csv", formats["wikinews_2019.csv"].Reader?.Format);
        Assert.Equal("csv", formats["wikinews_2020.csv"].Reader?.Format);
        Assert.Equal(FileDisposition.Ignored, formats["NOTICE.md"].Disposition);
    }

    [Fact]
    public void UsesTheFirstReaderThatAccepts()
    {
        var registry = new ReaderRegistry([new CsvArticleReader(), new TextArticleReader()]);
        Assert.Equal(2, registry.Readers.Count);
        Assert.Equal("csv", registry.Resolve("a.csv", "t\n"u8).Reader?.Format);
    }
}
