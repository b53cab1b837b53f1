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
}
