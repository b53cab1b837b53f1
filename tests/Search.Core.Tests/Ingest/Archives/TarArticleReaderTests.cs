using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Archives;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Archives;

/// <summary>Tar archives, gzipped or not, read as if unpacked.</summary>
public sealed class TarArticleReaderTests
{
    internal static byte[] Tar(bool gzip, params (string Name, string Content)[] members)
    {
        var stream = new MemoryStream();
        using (Stream output = gzip ? new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true) : stream)
        using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "./export/"));
            foreach (var (name, content) in members)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
        }
        return stream.ToArray();
    }

    private static readonly (string, string)[] Members =
    [
        ("./export/business/001.txt", "Harbour profits rise\n\nThe harbour authority reported record profits on Monday.\n"),
        ("./export/rows.csv", "title,body\nBridge approved,The council voted to build a second bridge.\nFerry timetable,The old ferry keeps running.\n"),
        ("./export/notes.md", "not an article"),
    ];

    [Theory]
    [InlineData("export.tar", false)]
    [InlineData("export.tar.gz", true)]
    [InlineData("export.tgz", true)]
    public void A_tar_archive_reads_as_its_files(string name, bool gzip)
    {
        using var dir = new TempDir();
        var items = ReadAll(new TarArticleReader(), WriteBytes(dir, name, Tar(gzip, Members)));
        Assert.Empty(Problems(items));
        Assert.Equal([$"{name}/export/business/001.txt", $"{name}/export/rows.csv#1", $"{name}/export/rows.csv#2"], Articles(items).Select(a => a.Id));
        Assert.Equal("tar", ReaderRegistry.Default.Resolve(name, Tar(gzip, Members)).Reader!.Format);
    }

    [Fact]
    public void An_archive_cut_short_keeps_the_members_before()
    {
        using var dir = new TempDir();
        byte[] tar = Tar(false, [.. Members, ("./export/later.txt", new string('x', 5000))]);
        var items = ReadAll(new TarArticleReader(), WriteBytes(dir, "cut.tar", tar[..(tar.Length - 3000)]));
        Assert.Equal(3, Articles(items).Count);
        Assert.Contains("cut short", Assert.Single(Problems(items)).Reason);
    }

    [Fact]
    public void A_gzipped_archive_cut_where_a_member_ends_is_reported_as_cut_short()
    {
        // The first member's tar blocks gzipped whole, then the start of the rest: the expansion
        // ends cleanly after a member, as a gzipped tar cut there does, and only gzip can tell.
        using var dir = new TempDir();
        byte[] tar = Tar(false, [.. Members, ("./export/later.txt", new string('x', 5000))]);
        int firstMember = Tar(false, Members[0]).Length - 1024; // the folder and 001.txt, without the end's two blocks
        byte[] head = Gzipped(tar[..firstMember]), rest = Gzipped(tar[firstMember..]);
        var items = ReadAll(new TarArticleReader(), WriteBytes(dir, "cut.tar.gz", [.. head, .. rest[..40]]));
        Assert.Equal(["cut.tar.gz/export/business/001.txt"], Articles(items).Select(a => a.Id));
        string reason = Assert.Single(Problems(items)).Reason;
        Assert.True(reason.Contains("gzip data cut short after", StringComparison.Ordinal), reason);
    }
}
