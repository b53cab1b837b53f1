using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Search.Core.Indexing;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>A small file is read whole and a big one streamed (<see cref="BuildOptions.ReadWholeLimit"/>):
/// every format that holds many articles must give a build the same articles either way, and a
/// second build must find them unchanged.</summary>
public sealed class FormatsStreamedTests
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest");

    private static void Write(string root)
    {
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(Fixtures, "Warc/Fixture/crawl.warc.gz"), Path.Combine(root, "crawl.warc.gz"));
        File.Copy(Path.Combine(Fixtures, "Office/Fixture/bridge.odt"), Path.Combine(root, "bridge.odt"));
        File.Copy(Path.Combine(Fixtures, "Office/Fixture/seoul.rtf"), Path.Combine(root, "seoul.rtf"));
        File.WriteAllText(Path.Combine(root, "feed.xml"), """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Coastal Times</title>
            <item><title>Harbour reopens</title><link>https://coastal.example/harbour</link><description>The harbour reopened to ferries on Monday.</description></item>
            <item><title>Ferry timetable</title><link>https://coastal.example/ferry</link><description>The old ferry keeps running every twenty minutes.</description></item>
            </channel></rss>
            """);
        File.WriteAllText(Path.Combine(root, "array.json"), "[\n" + string.Join(",\n", Enumerable.Range(1, 40).Select(i => $"  {{\n    \"title\": \"Dock report {i}\",\n    \"body\": \"Cargo at dock {i} was unloaded on time.\"\n  }}")) + "\n]\n");
        File.WriteAllText(Path.Combine(root, "inbox.mbox"), string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"From desk@example.org Mon May 10 0{i}:00:00 2021\nFrom: Desk <desk@example.org>\nSubject: Tip {i}\nDate: Mon, 10 May 2021 0{i}:00:00 GMT\n\nThe ferry crew sent tip number {i}.\n>From the harbour office.\n\n")));
        using (var zip = ZipFile.Open(Path.Combine(root, "export.zip"), ZipArchiveMode.Create))
            foreach (int i in Enumerable.Range(1, 3))
                using (var writer = new StreamWriter(zip.CreateEntry($"news/{i}.txt").Open()))
                    writer.Write($"Quay repairs {i}\n\nDivers checked quay wall {i} on Sunday.\n");
        using (var file = File.Create(Path.Combine(root, "export.tar.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "rows.csv") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("title,body\nBridge vote,The council voted for the bridge.\nBridge cost,The bridge costs 45 million euros.\n")) });
    }

    [Fact]
    public void Every_format_gives_the_same_articles_read_whole_or_streamed()
    {
        using var dir = new TempDir();
        string root = dir.Sub("archive");
        Write(root);
        var whole = RunBuild(new BuildOptions { Roots = [root], IndexPath = dir.Sub("whole") });
        var streamed = RunBuild(new BuildOptions { Roots = [root], IndexPath = dir.Sub("streamed"), ReadWholeLimit = 0 });
        // 4 pages of the crawl, 2 documents, 2 feed items, 40 array items, 5 messages, 3 zipped files, 2 rows in the tar.
        Assert.Equal(58, whole.ArticlesAdded);
        Assert.Equal(whole.ArticlesAdded, streamed.ArticlesAdded);
        Assert.Equal(whole.Skipped.Select(s => s.ToString()), streamed.Skipped.Select(s => s.ToString()));
        Assert.Equal(Read(dir.Sub("whole")).Articles.OrderBy(a => a.Key), Read(dir.Sub("streamed")).Articles.OrderBy(a => a.Key));
        var again = RunBuild(new BuildOptions { Roots = [root], IndexPath = dir.Sub("streamed"), ReadWholeLimit = 0 });
        Assert.Equal((0, 0, 58), (again.ArticlesAdded, again.ArticlesUpdated, again.ArticlesUnchanged));
    }
}
