using Search.Core.Indexing.Writing;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

public sealed class RecordedRootsTests
{
    [Fact]
    public void Roots_accumulate_until_a_rebuild_replaces_them()
    {
        using var dir = new TempDir();
        string a = Path.Combine(dir.Path, "a"), b = Path.Combine(dir.Path, "b") + Path.DirectorySeparatorChar;
        Assert.Empty(RecordedRoots.Read(dir.Path));
        RecordedRoots.Record(dir.Path, new[] { a }, replace: false);
        RecordedRoots.Record(dir.Path, new[] { b, a }, replace: false);
        Assert.Equal(new[] { a, Path.TrimEndingDirectorySeparator(b) }, RecordedRoots.Read(dir.Path));
        RecordedRoots.Record(dir.Path, new[] { b }, replace: true);
        Assert.Equal(new[] { Path.TrimEndingDirectorySeparator(b) }, RecordedRoots.Read(dir.Path));
        Assert.False(File.Exists(Path.Combine(dir.Path, RecordedRoots.FileName + ".tmp")));
    }

    [Fact]
    public void An_unreadable_list_reads_as_none_rather_than_failing()
    {
        using var dir = new TempDir();
        dir.File(RecordedRoots.FileName, "{ not json");
        Assert.Empty(RecordedRoots.Read(dir.Path));
    }
}
