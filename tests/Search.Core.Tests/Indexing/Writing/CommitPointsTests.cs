using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Indexing.Writing;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>An unfinished commit (killed while writing) is told from a damaged one.</summary>
public sealed class CommitPointsTests
{
    private static CommitPoints.Newest Inspect(string index)
    {
        using var dir = IndexStore.OpenDirectory(index);
        return CommitPoints.Inspect(dir).State;
    }

    private static string Newest(string index) =>
        Directory.GetFiles(index, "segments_*").OrderBy(f => SegmentInfos.GenerationFromSegmentsFileName(Path.GetFileName(f))).Last();

    [Fact]
    public void Readable_unfinished_damaged_and_none()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(index);
        Assert.Equal(CommitPoints.Newest.None, Inspect(index));
        IndexBuilder.Build(new BuildOptions { Roots = new[] { RepoPaths.SeedArticle }, IndexPath = index });
        Assert.Equal(CommitPoints.Newest.Readable, Inspect(index));

        // A torn commit newer than the one segments.gen names: a build killed while committing.
        string newest = Newest(index);
        long generation = SegmentInfos.GenerationFromSegmentsFileName(Path.GetFileName(newest));
        string torn = Path.Combine(index, IndexFileNames.FileNameFromGeneration("segments", "", generation + 1));
        File.WriteAllBytes(torn, File.ReadAllBytes(newest)[..20]);
        Assert.Equal(CommitPoints.Newest.Unfinished, Inspect(index));
        File.Delete(torn);

        // The commit segments.gen names, damaged after it was complete.
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length - 20] ^= 0x40;
        File.WriteAllBytes(newest, bytes);
        Assert.Equal(CommitPoints.Newest.Damaged, Inspect(index));
    }

    /// <summary>A reader that lists the files just before a running build's next commit: the commit
    /// it took for the newest is gone when it reads it (superseded and deleted), and segments.gen
    /// already names the new one. That is a race lost, not damage: the new commit is the newest.</summary>
    [Fact]
    public void A_commit_superseded_while_it_is_read_is_not_damage()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { RepoPaths.SeedArticle }, IndexPath = index });
        string more = dir.File("more/note.txt", "Harbour news\n\nThe harbour reopened.\n");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { RepoPaths.SeedArticle, Path.GetDirectoryName(more)! }, IndexPath = index });
        long generation = SegmentInfos.GenerationFromSegmentsFileName(Path.GetFileName(Newest(index)));
        Assert.True(generation >= 2, $"two builds should leave a second commit, not generation {generation}");
        using var real = IndexStore.OpenDirectory(index);
        using var racing = new SupersededWhileRead(real, generation);
        var (state, newest, _) = CommitPoints.Inspect(racing);
        Assert.Equal(CommitPoints.Newest.Readable, state);
        Assert.Equal(generation, newest);
    }

    /// <summary>The first listing shows the commit before <c>generation</c> as the newest, and that
    /// commit's file is gone when opened; afterwards the folder is as it is.</summary>
    private sealed class SupersededWhileRead(Lucene.Net.Store.Directory inner, long generation) : Lucene.Net.Store.FilterDirectory(inner)
    {
        private readonly string _newest = IndexFileNames.FileNameFromGeneration("segments", "", generation);
        private readonly string _older = IndexFileNames.FileNameFromGeneration("segments", "", generation - 1);
        private bool _listed;

        public override string[] ListAll()
        {
            if (_listed)
                return base.ListAll();
            _listed = true;
            return [.. base.ListAll().Where(f => f != _newest), _older];
        }

        public override Lucene.Net.Store.IndexInput OpenInput(string name, Lucene.Net.Store.IOContext context) =>
            name == _older ? throw new FileNotFoundException($"Could not find file '{name}'.") : base.OpenInput(name, context);
    }
}
