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
}
