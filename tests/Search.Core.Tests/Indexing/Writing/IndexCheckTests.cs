using Search.Core.Indexing;
using Search.Core.Indexing.Writing;
using Search.Core.Indexing.Maintenance;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>Damage is refused, never wiped; `check --fix` then `index` restores every article.</summary>
public sealed class IndexCheckTests
{
    private static (string Index, string[] Roots, int Articles) MultiRootIndex(TempDir dir)
    {
        string index = Path.Combine(dir.Path, "index");
        string extra = Path.GetDirectoryName(Jsonl(dir, "extra/feed.jsonl", 50))!;
        RunBuild(index, RepoPaths.Seeds);
        RunBuild(index, extra);
        return (index, new[] { RepoPaths.Seeds, extra }, 296 + 50);
    }

    private static string Newest(string index, string pattern) =>
        Directory.GetFiles(index, pattern).OrderBy(f => new FileInfo(f).LastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Last();

    /// <summary>Every index `check` finds damaged is refused by readers (queries, console, stats)
    /// at open with the one-line pointer to `search check`.</summary>
    private static void AssertRefusedByReaders(string index, string? file = null)
    {
        var refused = Assert.Throws<SearchException>(() => Search.Core.Querying.ArticleSearcher.Open(index).Dispose());
        Assert.Contains("is damaged", refused.Message);
        Assert.Contains("`search check --index", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
        if (file != null)
            Assert.Contains(file, refused.Message);
    }

    [Fact]
    public void A_damaged_commit_point_is_refused_nothing_is_deleted_and_check_fix_then_index_restores_it()
    {
        using var dir = new TempDir();
        var (index, roots, articles) = MultiRootIndex(dir);
        string segments = Directory.GetFiles(index, "segments_*").OrderBy(f => f, StringComparer.Ordinal).Last();
        var bytes = File.ReadAllBytes(segments);
        bytes[bytes.Length / 2] ^= 0x55;
        File.WriteAllBytes(segments, bytes);
        var before = Directory.GetFiles(index).Order(StringComparer.Ordinal).ToArray();

        // The repro of the issue: indexing one of the roots must not rebuild from it alone.
        var refused = Assert.Throws<SearchException>(() => RunBuild(index, RepoPaths.Seeds));
        Assert.Contains("damaged", refused.Message);
        Assert.Contains("search check", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal(before, Directory.GetFiles(index).Order(StringComparer.Ordinal).ToArray());

        AssertRefusedByReaders(index);
        var report = IndexCheck.Run(index, fix: false);
        Assert.False(report.Healthy);
        Assert.True(report.Fixable);
        Assert.Contains("previous commit point", report.Fix);
        Assert.Equal(before, Directory.GetFiles(index).Order(StringComparer.Ordinal).ToArray()); // checking changes nothing

        IndexCheck.Run(index, fix: true);
        Assert.Single(Directory.GetFiles(index, ".damaged-segments_*")); // kept aside, not deleted
        var restored = RunBuild(index, RecordedRoots.Read(index).ToArray());
        Assert.Equal(articles, restored.DocumentsInIndex);
        Assert.Equal(articles, Read(index).Articles.Count);
        Assert.True(IndexCheck.Run(index, fix: false).Healthy);
        Assert.Equal(roots.Select(Path.GetFullPath).Order(StringComparer.Ordinal), RecordedRoots.Read(index));
    }

    [Fact]
    public void Flipped_bytes_in_a_segment_are_found_by_check_and_fix_then_index_restores_the_articles()
    {
        using var dir = new TempDir();
        var (index, _, articles) = MultiRootIndex(dir);
        Assert.True(IndexCheck.Run(index, fix: false).Healthy);
        // The largest file of any segment (segments are written without compound files).
        string cfs = Directory.GetFiles(index, "_*").OrderByDescending(f => new FileInfo(f).Length).First();
        var bytes = File.ReadAllBytes(cfs);
        for (int i = 200; i < bytes.Length - 200; i += 997) bytes[i] ^= 0x5A;
        File.WriteAllBytes(cfs, bytes);

        AssertRefusedByReaders(index, Path.GetFileName(cfs));
        var report = IndexCheck.Run(index, fix: false);
        Assert.False(report.Healthy);
        Assert.True(report.Fixable);
        Assert.True(report.ArticlesDropped > 0, report.Fix);
        // check names the damaged segment, the file that fails its checksum, and what a fix drops.
        Assert.Contains(report.Findings, f => f.Contains(Path.GetFileName(cfs) + " fails its checksum"));
        var fixedReport = IndexCheck.Run(index, fix: true);
        Assert.Equal(articles - report.ArticlesDropped, fixedReport.Articles);
        var restored = RunBuild(index, RecordedRoots.Read(index).ToArray());
        Assert.Equal(report.ArticlesDropped, restored.ArticlesAdded);
        Assert.Equal(articles, restored.DocumentsInIndex);
        Assert.True(IndexCheck.Run(index, fix: false).Healthy);
    }

    /// <summary>A segment file deleted from the folder was reported as failing its checksum.</summary>
    [Fact]
    public void A_deleted_segment_file_is_said_to_be_missing_and_fix_then_index_restores_the_articles()
    {
        using var dir = new TempDir();
        var (index, _, articles) = MultiRootIndex(dir);
        string terms = Directory.GetFiles(index, "_*.tim").OrderByDescending(f => new FileInfo(f).Length).First();
        File.Delete(terms);

        var report = IndexCheck.Run(index, fix: false);
        Assert.False(report.Healthy);
        Assert.Contains(report.Findings, f => f.EndsWith(": " + Path.GetFileName(terms) + " is missing", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Contains("checksum", StringComparison.Ordinal));
        Assert.True(report.Fixable);
        IndexCheck.Run(index, fix: true);
        var restored = RunBuild(index, RecordedRoots.Read(index).ToArray());
        Assert.Equal(articles, restored.DocumentsInIndex);
        Assert.Equal(articles, Read(index).Articles.Count);
    }

    /// <summary>`check --fix` committed the repaired index first and the recheck flag in a second
    /// commit: stopped between the two, the next build skipped the files of the dropped articles as
    /// unchanged, and those articles were gone for good without a word.</summary>
    [Fact]
    public void Every_commit_a_repair_writes_carries_the_recheck_flag_so_a_stopped_repair_loses_nothing()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        RunBuild(index, Path.GetDirectoryName(Jsonl(dir, "a/feed.jsonl", 30))!);
        RunBuild(index, Path.GetDirectoryName(Jsonl(dir, "b/feed.jsonl", 30))!);
        // Truncated stored fields: the segment does not even open (the repair must not open it either).
        using (var fdt = new FileStream(Directory.GetFiles(index, "_*.fdt").Order(StringComparer.Ordinal).First(), FileMode.Open))
            fdt.SetLength(100);
        using (var before = Lucene.Net.Store.FSDirectory.Open(index))
        {
            long damaged = Lucene.Net.Index.DirectoryReader.ListCommits(before)[^1].Generation;
            Assert.True(IndexCheck.Run(index, fix: true).Fixable);
            var written = Lucene.Net.Index.DirectoryReader.ListCommits(before).Where(c => c.Generation > damaged).ToList();
            Assert.NotEmpty(written);
            Assert.All(written, c => Assert.Equal("1", c.UserData.TryGetValue(WriterSession.RecheckKey, out string? r) ? r : null));
        }
    }

    /// <summary>`search check` while `search index` ran read segment files the build was deleting
    /// and reported the healthy index as damaged (segments "damaged", none failing a checksum).</summary>
    [Fact]
    public void Check_while_a_build_holds_the_index_is_refused_as_busy_not_reported_damaged()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        RunBuild(index, Path.GetDirectoryName(Jsonl(dir, "a/feed.jsonl", 10))!);
        using (IndexStore.LockForWriting(index)) // what a running build holds
        {
            var busy = Assert.Throws<IndexLockedException>(() => IndexCheck.Run(index, fix: false));
            Assert.Equal($"index {index} is being written by another process; wait for it to finish and try again", busy.Message);
        }
        var report = IndexCheck.Run(index, fix: false);
        Assert.True(report.Healthy);
        Assert.Equal(10, report.Articles);
    }

    /// <summary>Going back to the previous commit point drops what was committed since; the repair's
    /// line said so without saying what the index holds now.</summary>
    [Fact]
    public void Going_back_to_the_previous_commit_point_says_how_many_articles_the_index_holds()
    {
        using var dir = new TempDir();
        var (index, segments) = TwoCommits(dir);
        var bytes = File.ReadAllBytes(segments);
        bytes[bytes.Length / 2] ^= 0x55;
        File.WriteAllBytes(segments, bytes);

        var report = IndexCheck.Run(index, fix: true);
        Assert.Equal(30, report.Articles);
        Assert.Equal("went back to the previous commit point (30 articles); run `search index` to read every file again and restore the rest", report.Fix);
    }

    /// <summary>A commit point naming a codec with no name was reported with Lucene.Net's five
    /// sentences of advice to programmers on subclassing its codec factory.</summary>
    [Fact]
    public void A_commit_point_naming_no_codec_is_one_short_finding()
    {
        using var dir = new TempDir();
        var (index, segments) = TwoCommits(dir);
        var bytes = File.ReadAllBytes(segments);
        // Header (17 bytes), version, counter, segment count, the first segment's name ("_1"): then
        // the length of its codec's name, made 0.
        Assert.Equal((byte)'_', bytes[34]);
        bytes[36] = 0;
        File.WriteAllBytes(segments, bytes);

        var report = IndexCheck.Run(index, fix: false);
        Assert.Equal($"the newest commit point ({Path.GetFileName(segments)}) cannot be read (ArgumentException: Codec '' cannot be loaded.)", report.Findings[0]);
    }

    /// <summary>`check --fix --index` naming a folder of articles left its lock file there, and
    /// naming a file said "no index at" it, where readers say it is a file.</summary>
    [Fact]
    public void Check_fix_on_a_folder_of_articles_or_a_file_refuses_and_leaves_nothing_behind()
    {
        using var dir = new TempDir();
        string articles = Path.GetDirectoryName(Jsonl(dir, "articles/feed.jsonl", 3))!;
        var before = Directory.GetFileSystemEntries(articles).Order(StringComparer.Ordinal).ToArray();

        var folder = Assert.Throws<SearchException>(() => IndexCheck.Run(articles, fix: true));
        Assert.Equal($"{articles} is not a search index (no index files in it)", folder.Message);
        Assert.Equal(before, Directory.GetFileSystemEntries(articles).Order(StringComparer.Ordinal).ToArray());

        string file = Path.Combine(articles, "feed.jsonl");
        var notFolder = Assert.Throws<SearchException>(() => IndexCheck.Run(file, fix: true));
        Assert.Equal($"{file} is a file, not an index folder", notFolder.Message);
    }

    [Fact]
    public void A_build_killed_during_a_later_commit_is_not_damage()
    {
        using var dir = new TempDir();
        var (index, roots, articles) = MultiRootIndex(dir);
        // What a kill while writing commit N+1 leaves: a torn segments_(N+1) that segments.gen does not name yet.
        string segments = Directory.GetFiles(index, "segments_*").OrderBy(f => f, StringComparer.Ordinal).Last();
        long generation = Lucene.Net.Index.SegmentInfos.GenerationFromSegmentsFileName(Path.GetFileName(segments));
        string torn = Path.Combine(index, Lucene.Net.Index.IndexFileNames.FileNameFromGeneration("segments", "", generation + 1));
        File.WriteAllBytes(torn, File.ReadAllBytes(segments)[..40]);
        Assert.Equal(articles, RunBuild(index, roots).ArticlesUnchanged);
        Assert.Equal(articles, Read(index).Articles.Count);
    }

    /// <summary>A first build stopped before its first commit (Ctrl-C past its stop budget, a
    /// kill) leaves segment files, its build marker and no commit point. `search check` called that
    /// damage that "cannot be repaired: rebuild"; while such a build ran, it said so of a healthy
    /// build in progress.</summary>
    [Fact]
    public void A_first_build_stopped_before_its_first_commit_is_not_damage_and_check_says_to_run_index()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string root = Path.GetDirectoryName(Jsonl(dir, "a/feed.jsonl", 20))!;
        RunBuild(index, root);
        // What the stopped build leaves: its flushed segments, no segments_N, Lucene's write.lock,
        // and its marker naming a process that has ended.
        foreach (string commit in Directory.GetFiles(index, "segments*"))
            File.Delete(commit);
        File.WriteAllBytes(Path.Combine(index, "write.lock"), []);
        using (var ended = System.Diagnostics.Process.Start("true")!)
        {
            ended.WaitForExit();
            File.WriteAllText(Path.Combine(index, BuildMarker.FileName), ended.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var before = Directory.GetFiles(index).Order(StringComparer.Ordinal).ToArray();

        using (IndexStore.LockForWriting(index)) // the same folder while the build still runs
            Assert.Throws<IndexLockedException>(() => IndexCheck.Run(index, fix: false));

        foreach (bool fix in new[] { false, true })
        {
            var report = IndexCheck.Run(index, fix);
            Assert.Equal(["the first build was stopped before its first commit: nothing was committed yet"], report.Findings);
            Assert.Equal("run `search index` again: it starts the build afresh", report.Fix);
            Assert.False(report.Fixable);
        }
        Assert.Equal(before, Directory.GetFiles(index).Order(StringComparer.Ordinal).ToArray()); // nothing deleted

        var again = RunBuild(index, root);
        Assert.Equal(20, again.ArticlesAdded);
        Assert.Equal(20, Read(index).Articles.Count);
        Assert.True(IndexCheck.Run(index, fix: false).Healthy);
    }

    /// <summary>A commit point deleted by hand, with no build marker: still reported as damage
    /// that needs a rebuild, not as a stopped first build.</summary>
    [Fact]
    public void A_deleted_commit_point_without_a_stopped_build_is_still_damage()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        RunBuild(index, Path.GetDirectoryName(Jsonl(dir, "a/feed.jsonl", 5))!);
        foreach (string commit in Directory.GetFiles(index, "segments*"))
            File.Delete(commit);

        var report = IndexCheck.Run(index, fix: false);
        Assert.StartsWith("no commit point", report.Findings[0]);
        Assert.Contains("--rebuild", report.Fix);
    }

    /// <summary>An index of 30 articles, then 50 in a second commit, and its newest commit point's file.</summary>
    private static (string Index, string Segments) TwoCommits(TempDir dir)
    {
        string index = Path.Combine(dir.Path, "index");
        RunBuild(index, Path.GetDirectoryName(Jsonl(dir, "a/feed.jsonl", 30))!);
        RunBuild(index, Path.GetDirectoryName(Jsonl(dir, "b/feed.jsonl", 20))!);
        return (index, Directory.GetFiles(index, "segments_*").OrderBy(f => f, StringComparer.Ordinal).Last());
    }
}
