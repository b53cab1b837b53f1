using System.IO.Compression;
using System.Text;
using Search.Core.Indexing;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>Exports kept gzipped (<c>news.jsonl.gz</c>, <c>table.csv.gz</c>, <c>note.txt.gz</c>) are
/// read through gunzip, whole or streamed, and re-runs see them unchanged; gzip that is not is skipped
/// with its reason.</summary>
public sealed class GzippedExportTests
{
    private static void Gzipped(TempDir dir, string name, string text)
    {
        string path = Path.Combine(dir.Path, "archive", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }

    [Theory]
    [InlineData(16 << 20)] // read whole, as small files are
    [InlineData(0)] // streamed, as big files are
    public void Gzipped_exports_are_read_as_the_files_inside(long readWholeLimit)
    {
        using var dir = new TempDir();
        var lines = Enumerable.Range(1, 300).Select(i => $"{{\"id\": \"n{i}\", \"title\": \"Harbour report {i}\", \"body\": \"The harbour reopened on day {i}.\"}}");
        Gzipped(dir, "news.jsonl.gz", string.Join("\n", lines) + "\n");
        Gzipped(dir, "table.csv.gz", "\uFEFFtitle;body\nCanal news;The canal froze.\n");
        Gzipped(dir, "note.txt.gz", "Tram news\n\nThe trams are back.\n");
        string root = Path.Combine(dir.Path, "archive");
        File.WriteAllBytes(Path.Combine(root, "corrupt.jsonl.gz"), [0x1F, 0x8B, 0x08, 0x00, (byte)'n', (byte)'o', (byte)'t']);
        string index = Path.Combine(dir.Path, "index");

        var built = RunBuild(new BuildOptions { Roots = [root], IndexPath = index, ReadWholeLimit = readWholeLimit });
        var articles = Read(index).Articles;
        Assert.Equal(302, articles.Count);
        Assert.Equal("Harbour report 7\nThe harbour reopened on day 7.", articles[("news.jsonl.gz", "n7")]);
        Assert.Equal("Canal news\nThe canal froze.", articles[("table.csv.gz", "table.csv.gz#1")]); // BOM and ';' as in a plain CSV
        Assert.Equal("Tram news\nThe trams are back.", articles[("note.txt.gz", "note.txt.gz")]);
        var skipped = Assert.Single(built.Skipped);
        Assert.Equal("corrupt.jsonl.gz", skipped.File);

        var rerun = RunBuild(new BuildOptions { Roots = [root], IndexPath = index, ReadWholeLimit = readWholeLimit });
        Assert.Equal(0, rerun.FilesIndexed);
        Assert.Equal(302, rerun.ArticlesUnchanged);
    }

    /// <summary>A gzip stream cut short reads as far as it goes (.NET's gunzip ends there without an
    /// error): the line it cuts is reported, the articles before it are kept, and the whole file
    /// put back is read to its end.</summary>
    [Fact]
    public void A_gzipped_export_cut_short_keeps_what_it_held_and_reports_the_line_it_cuts()
    {
        using var dir = new TempDir();
        var lines = Enumerable.Range(1, 600).Select(i => $"{{\"id\": \"n{i}\", \"title\": \"Report {i}\", \"body\": \"Day {i}: {Guid.NewGuid()} {Guid.NewGuid()}.\"}}");
        Gzipped(dir, "news.jsonl.gz", string.Join("\n", lines) + "\n");
        string root = Path.Combine(dir.Path, "archive"), file = Path.Combine(root, "news.jsonl.gz");
        byte[] whole = File.ReadAllBytes(file);
        File.WriteAllBytes(file, whole[..(whole.Length / 2)]);
        string index = Path.Combine(dir.Path, "index");

        var cut = RunBuild(index, root);
        Assert.Equal(2, cut.Skipped.Count);
        Assert.All(cut.Skipped, k => Assert.Equal("news.jsonl.gz", k.File));
        Assert.Equal(cut.DocumentsInIndex + 1, cut.Skipped.Single(k => k.Line != null).Line); // the line after the last whole one
        Assert.StartsWith("gzip data cut short after ", cut.Skipped.Single(k => k.Line == null).Reason); // and the file as a whole
        Assert.Equal(["news.jsonl.gz"], cut.Unfinished);
        Assert.InRange(cut.DocumentsInIndex, 1, 599); // the articles before the cut are kept

        File.WriteAllBytes(file, whole); // the whole file again: the next run reads it to its end
        var rerun = RunBuild(index, root);
        Assert.Empty(rerun.Skipped);
        Assert.Equal(600, Read(index).Articles.Count);
    }
}
