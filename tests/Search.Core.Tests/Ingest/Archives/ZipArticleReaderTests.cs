using System.IO.Compression;
using System.Text;
using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Ingest.Archives;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Ingest.Archives;

/// <summary>A .zip of articles is read as its files would be unpacked. It was ignored as "not an
/// article format".</summary>
public sealed class ZipArticleReaderTests
{
    private static byte[] Zip(params (string Name, byte[] Content)[] members)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in members)
                using (var entry = zip.CreateEntry(name).Open())
                    entry.Write(content);
        return stream.ToArray();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void The_files_in_a_zip_are_indexed_as_if_unpacked_and_their_problems_name_them()
    {
        using var dir = new TempDir();
        string root = dir.Sub("inbox");
        Directory.CreateDirectory(root);
        File.WriteAllBytes(Path.Combine(root, "export.zip"), Zip(
            ("business/001.txt", Utf8("Harbour profits rise\n\nThe harbour authority reported record profits on Monday.\n")),
            ("sport/002.txt", Utf8("Ferry crew wins regatta\n\nThe ferry crew won the harbour regatta on Sunday.\n")),
            ("feeds/rows.csv", Utf8("title,body\nBridge approved,\"<p>The council voted to build a <b>second</b> bridge.</p>\"\n")),
            ("feeds/more.jsonl.gz", ReaderTestKit.Gzipped("{\"title\": \"Ferry timetable\", \"body\": \"The old ferry keeps running.\"}\n")),
            ("feeds/table.tsv", Utf8("title\tbody\nQuay, north\tDivers checked the quay, the wall and the steps.\n")),
            ("photos/harbour.jpg", [0xFF, 0xD8, 0xFF, 0xE0]),
            ("__MACOSX/business/._001.txt", [0, 5, 22, 7, 0, 2]),
            ("empty.txt", []),
            ("nested.zip", Zip(("inner.txt", Utf8("Inner harbour\n\nThe inner harbour was dredged.\n"))))));
        string index = dir.Sub("index");
        var summary = RunBuild(index, root);
        var articles = Read(index).Articles;
        Assert.Equal(["export.zip/business/001.txt", "export.zip/feeds/more.jsonl.gz#1", "export.zip/feeds/rows.csv#1", "export.zip/feeds/table.tsv#1", "export.zip/nested.zip/inner.txt", "export.zip/sport/002.txt"],
            articles.Keys.Select(k => k.Id).Order(StringComparer.Ordinal));
        Assert.Contains("The council voted to build a second bridge.", articles[("export.zip/feeds/rows.csv", "export.zip/feeds/rows.csv#1")]);
        // A .tsv is split at its tabs only, as on disk, so its commas stay in the text.
        Assert.Equal("Quay, north\nDivers checked the quay, the wall and the steps.", articles[("export.zip/feeds/table.tsv", "export.zip/feeds/table.tsv#1")]);
        Assert.Equal(["export.zip:8: empty.txt: empty file"], summary.Skipped.Select(k => k.ToString()));
        Assert.Equal(6, summary.ArticlesAdded);

        var again = RunBuild(index, root);
        Assert.Equal(0, again.ArticlesAdded + again.ArticlesUpdated);
        // The folders inside the archive are sections, as they would be unpacked.
        using var searcher = Search.Core.Querying.ArticleSearcher.Open(index);
        var hit = Assert.Single(searcher.Search(new Search.Core.Querying.SearchRequest { Query = "regatta" }).Hits);
        Assert.Equal("sport", hit.Section);
    }

    [Fact]
    public void Archives_inside_the_archive_are_read_as_unpacked_down_to_the_depth_bound()
    {
        using var dir = new TempDir();
        string root = dir.Sub("inbox");
        Directory.CreateDirectory(root);
        byte[] tarGz = TarArticleReaderTests.Tar(gzip: true, ("politics/vote.txt", "Council vote\n\nThe council voted for the ferry subsidy.\n"));
        byte[] deep = Zip(("bottom.txt", Utf8("Bottom\n\nToo deep to read.\n")));
        for (int level = 0; level < Search.Core.Ingest.Archives.ArchiveMember.MaxDepth - 1; level++)
            deep = Zip(($"level{level}.zip", deep));
        File.WriteAllBytes(Path.Combine(root, "leak.zip"), Zip(
            ("2019/batch.zip", Zip(
                ("sport/regatta.txt", Utf8("Ferry crew wins regatta\n\nThe ferry crew won the harbour regatta on Sunday.\n")),
                ("broken.zip", Utf8("not a zip at all")),
                ("scan.pdf", Utf8("%PDF-1.4 cut short")))),
            ("2020.tar.gz", tarGz),
            ("deep.zip", deep)));
        string index = dir.Sub("index");
        var summary = RunBuild(index, root);

        Assert.Equal(["leak.zip/2019/batch.zip/sport/regatta.txt", "leak.zip/2020.tar.gz/politics/vote.txt"],
            Read(index).Articles.Keys.Select(k => k.Id).Order(StringComparer.Ordinal));
        // Each problem names the path down to the member, numbered by the outer archive's member.
        string[] skipped = summary.Skipped.Select(k => k.ToString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, skipped.Length);
        Assert.StartsWith("leak.zip:1: 2019/batch.zip: broken.zip: not a zip archive that can be read", skipped[0]);
        Assert.StartsWith("leak.zip:1: 2019/batch.zip: scan.pdf: ", skipped[1]);
        Assert.Equal($"leak.zip:3: deep.zip: level2.zip: level1.zip: level0.zip: an archive {Search.Core.Ingest.Archives.ArchiveMember.MaxDepth} archives deep; unpack it to index it", skipped[2]);

        // The folder inside the innermost archive is the section, as it would be unpacked.
        using var searcher = Search.Core.Querying.ArticleSearcher.Open(index);
        Assert.Equal("sport", Assert.Single(searcher.Search(new Search.Core.Querying.SearchRequest { Query = "regatta" }).Hits).Section);
        Assert.Equal("politics", Assert.Single(searcher.Search(new Search.Core.Querying.SearchRequest { Query = "subsidy" }).Hits).Section);
        var again = RunBuild(index, root);
        Assert.Equal(0, again.ArticlesAdded + again.ArticlesUpdated + again.ArticlesRemoved);
    }

    [Fact]
    public void Members_a_Windows_zipper_named_with_backslashes_are_keyed_by_their_folders()
    {
        // Windows PowerShell's Compress-Archive writes "docs\2019\a.txt": the article was keyed
        // "export.zip/docs\2019\a.txt", one file name, not a file in folders.
        using var dir = new TempDir();
        SourceFile file = ReaderTestKit.WriteBytes(dir, "export.zip", Zip(
            ("docs\\", []),
            ("docs\\2019\\bridge.txt", Utf8("Bridge approved\n\nThe council voted to build a second bridge.\n"))));
        var items = new ZipArticleReader().Read(file).ToList();
        Assert.Empty(ReaderTestKit.Problems(items));
        Assert.Equal(["export.zip/docs/2019/bridge.txt"], ReaderTestKit.Articles(items).Select(a => a.Id));
    }

    [Fact]
    public void A_member_whose_bytes_were_damaged_is_reported_and_the_others_read()
    {
        const string Bridge = "Bridge approved\n\nThe council voted to build a second bridge.\n";
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in new[] { ("bridge.txt", Bridge), ("ferry.txt", "Ferry timetable\n\nThe old ferry keeps running.\n") })
                using (var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open())
                    entry.Write(Utf8(text));
        byte[] bytes = stream.ToArray();
        bytes[bytes.AsSpan().IndexOf(Utf8("second bridge")) + 7] ^= 0x20; // a flipped bit: "second Bridge"

        using var dir = new TempDir();
        var items = new ZipArticleReader().Read(ReaderTestKit.WriteBytes(dir, "export.zip", bytes)).ToList();
        Assert.Equal(["export.zip/ferry.txt"], ReaderTestKit.Articles(items).Select(a => a.Id));
        var problem = Assert.Single(ReaderTestKit.Problems(items));
        Assert.Equal(1, problem.Line);
        Assert.StartsWith("bridge.txt: damaged", problem.Reason);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_skipped_with_the_reason()
    {
        using var dir = new TempDir();
        string root = dir.Sub("inbox");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "notes.zip"), "not a zip at all");
        var summary = RunBuild(dir.Sub("index"), root);
        Assert.StartsWith("not a zip archive that can be read", Assert.Single(summary.Skipped).Reason);
    }
}
