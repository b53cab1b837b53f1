using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

public sealed class VanishedFilesTests
{
    [Fact]
    public void A_deleted_file_loses_its_articles_but_a_missing_root_deletes_nothing()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string feed = Path.GetDirectoryName(Jsonl(dir, "feed/news.jsonl", 10))!;
        dir.File("feed/note.txt", "Trams\n\nThe trams are back.\n");
        string other = Path.GetDirectoryName(dir.File("disk/old.txt", "Ferries\n\nThe ferry sank.\n"))!;
        RunBuild(index, feed, other);

        File.Delete(Path.Combine(feed, "note.txt"));
        Directory.Move(other, other + "-unmounted");
        var run = RunBuild(index, feed, other);
        Assert.Equal(1, run.ArticlesRemoved);
        Assert.Contains(run.Skipped, s => s.Reason == "no such file or folder");
        Assert.Contains(("old.txt", "old.txt"), Read(index).Articles.Keys);
        Assert.Equal(11, run.DocumentsInIndex);
    }

    /// <summary>A disk that is not mounted leaves its mount point behind as an empty folder. Taken
    /// for a deletion, it cost every article of that root (the whole index, for an index of one
    /// disk), and the build after the disk was back read it all again.</summary>
    [Fact]
    public void An_empty_root_folder_deletes_nothing_and_says_so()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string feed = Path.GetDirectoryName(Jsonl(dir, "feed/news.jsonl", 10))!;
        string disk = Path.GetDirectoryName(dir.File("disk/old.txt", "Ferries\n\nThe ferry sank.\n"))!;
        dir.File("disk/2019/older.txt", "Trams\n\nThe trams are back.\n");
        RunBuild(index, feed, disk);

        Directory.Move(disk, disk + "-away");
        Directory.CreateDirectory(disk); // the mount point, the disk not mounted
        var run = RunBuild(index, feed, disk);

        Assert.Equal(0, run.ArticlesRemoved);
        Assert.Equal(12, run.DocumentsInIndex);
        Assert.Contains(("old.txt", "old.txt"), Read(index).Articles.Keys);
        var note = Assert.Single(run.Skipped, s => s.File == disk);
        Assert.StartsWith("the folder is empty: its 2 articles are kept (a disk not mounted?)", note.Reason);

        // The disk back: nothing to read again, nothing to say.
        Directory.Delete(disk);
        Directory.Move(disk + "-away", disk);
        var back = RunBuild(index, feed, disk);
        Assert.Equal((0, 0, 12), (back.ArticlesAdded, back.ArticlesRemoved, back.ArticlesUnchanged));
        Assert.Empty(back.Skipped);
    }
}
