using Search.Core.Indexing;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>What a re-run reads: nothing for untouched files, a hash for touched ones, and
/// everything after `search check --fix`.</summary>
public sealed class ChangeDetectorTests
{
    [Fact]
    public void Untouched_files_are_not_read_touched_ones_are_hashed_and_then_settle()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string root = Path.GetDirectoryName(Jsonl(dir, "feed/news.jsonl", 100))!;
        var first = RunBuild(index, root);
        var untouched = RunBuild(index, root);
        Assert.Equal(0, untouched.Bytes);
        Assert.Equal(1, untouched.FilesUnchanged);

        File.SetLastWriteTimeUtc(Path.Combine(root, "news.jsonl"), DateTime.UtcNow.AddHours(1));
        var touched = RunBuild(index, root);
        Assert.Equal(first.Bytes, touched.Bytes); // read to hash it
        Assert.Equal(100, touched.ArticlesUnchanged);
        Assert.Equal(0, RunBuild(index, root).Bytes); // its new date is recorded: settled
    }

    [Fact]
    public void After_check_fix_every_file_is_read_again_once()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string root = Path.GetDirectoryName(Jsonl(dir, "feed/news.jsonl", 100))!;
        RunBuild(index, root);
        // What --fix leaves after dropping nothing: the recheck mark alone.
        var report = Search.Core.Indexing.Maintenance.IndexCheck.Run(index, fix: false);
        Assert.True(report.Healthy);
        using (var d = IndexStore.OpenDirectory(index))
            Search.Core.Indexing.Maintenance.IndexCheck.MarkForRecheck(d);
        var recheck = RunBuild(index, root);
        Assert.True(recheck.Bytes > 0);
        Assert.Equal(100, recheck.ArticlesUnchanged);
        Assert.Equal(0, RunBuild(index, root).Bytes);
    }
}
