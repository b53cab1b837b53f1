using Search.Core.Indexing;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>A file that stops part-way is never recorded as done.</summary>
public sealed class FileIngestTests
{
    [Fact]
    public void A_small_file_whose_reader_throws_is_skipped_whole_before_the_index_is_touched()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string root = Path.GetDirectoryName(Jsonl(dir, "feed/news.jsonl", 500))!;
        RunBuild(index, root);
        Jsonl(dir, "feed/news.jsonl", 500, i => $"Revised harbour report {i}.");
        var failing = RunBuild(new BuildOptions { Roots = new[] { root }, IndexPath = index, WrapItems = (_, items) => FailAfter(items, 200) });
        Assert.Contains("reader failed on purpose", Assert.Single(failing.Skipped).Reason);
        Assert.Empty(failing.Unfinished);
        Assert.All(Read(index).Articles.Values, t => Assert.DoesNotContain("Revised", t)); // untouched
        var rerun = RunBuild(index, root); // not recorded as done: read again
        Assert.Equal(500, rerun.ArticlesUpdated);
    }

    /// <summary>A file too big to read whole is streamed; a reader that takes its one article whole
    /// (a text, a page) counts no bytes as it reads, and a 50 MB text file was missing from the
    /// summary's "MB read" (it said 21.4 MB of 72 MB read).</summary>
    [Fact]
    public void A_streamed_single_article_file_counts_as_read()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string words = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"word{i % 977}"));
        string text = dir.File("big/long.txt", "A long article\n\n" + words + "\n");
        string page = dir.File("big/page.html", $"<html><head><title>A page</title></head><body><p>{words}</p></body></html>");
        string feed = Jsonl(dir, "big/feed.jsonl", 30);
        var summary = RunBuild(new BuildOptions { Roots = [Path.Combine(dir.Path, "big")], IndexPath = index, ReadWholeLimit = 0 });
        Assert.Equal(32, summary.ArticlesAdded);
        Assert.Equal(new[] { text, page, feed }.Sum(f => new FileInfo(f).Length), summary.Bytes);
    }

    /// <summary>Named pipes, and links to devices, report 0 bytes: opening a pipe waits for a
    /// writer (the build hung) and reading /dev/zero never ends. Not opened, they are empty files.</summary>
    [Fact]
    public async Task A_named_pipe_or_a_device_among_the_files_is_skipped_as_empty_without_being_opened()
    {
        if (!OperatingSystem.IsLinux())
            return; // mkfifo and /dev/zero: Linux
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string root = Path.GetDirectoryName(Jsonl(dir, "feed/news.jsonl", 3))!;
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(root, "pipe.txt")]))
            mkfifo.WaitForExit();
        File.CreateSymbolicLink(Path.Combine(root, "zero.jsonl"), "/dev/zero");
        var build = Task.Run(() => RunBuild(index, root));
        Assert.True(await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(60))) == build, "the build waits on the pipe or the device");
        var summary = await build;
        Assert.Equal(3, summary.ArticlesAdded);
        Assert.Equal(["pipe.txt: empty file", "zero.jsonl: empty file"], summary.Skipped.Select(k => $"{k.File}: {k.Reason}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_streamed_file_whose_reader_throws_mid_file_is_left_unfinished_and_the_next_run_completes_it(int threads)
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string file = Jsonl(dir, "feed/news.jsonl", 500);
        string root = Path.GetDirectoryName(file)!;
        var failing = RunBuild(new BuildOptions
        {
            Roots = new[] { root }, IndexPath = index, Threads = threads, ReadWholeLimit = 0,
            WrapItems = (_, items) => FailAfter(items, 200),
        });
        var skipped = Assert.Single(failing.Skipped);
        Assert.Contains("reader failed on purpose", skipped.Reason);
        Assert.Contains("read again", skipped.Reason);
        Assert.Equal(new[] { "news.jsonl" }, failing.Unfinished);
        Assert.Equal(200, failing.DocumentsInIndex); // what was read is kept...

        // ... and the file is not recorded as done: unchanged on disk, it is still read again.
        var rerun = RunBuild(index, root);
        Assert.Equal(300, rerun.ArticlesAdded);
        Assert.Equal(200, rerun.ArticlesUnchanged);
        Assert.Empty(rerun.Unfinished);
        Assert.Equal(500, Read(index).Articles.Count);
        Assert.Equal(500, RunBuild(index, root).ArticlesUnchanged);
    }

    [Fact]
    public void A_changed_streamed_file_that_fails_part_way_loses_none_of_its_previous_articles()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string file = Jsonl(dir, "feed/news.jsonl", 300);
        string root = Path.GetDirectoryName(file)!;
        RunBuild(index, root);
        Jsonl(dir, "feed/news.jsonl", 300, i => $"Revised harbour report {i}.");
        var failing = RunBuild(new BuildOptions { Roots = new[] { root }, IndexPath = index, ReadWholeLimit = 0, WrapItems = (_, items) => FailAfter(items, 100) });
        Assert.Equal(300, failing.DocumentsInIndex);
        var articles = Read(index).Articles;
        Assert.Equal(300, articles.Count);
        Assert.Equal(100, articles.Values.Count(t => t.Contains("Revised")));
        var rerun = RunBuild(index, root);
        Assert.Equal(200, rerun.ArticlesUpdated);
        Assert.All(Read(index).Articles.Values, t => Assert.Contains("Revised", t));
    }
}
