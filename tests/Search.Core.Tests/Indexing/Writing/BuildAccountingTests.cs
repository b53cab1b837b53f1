using Search.Core.Indexing.Writing;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

public sealed class BuildAccountingTests
{
    [Fact]
    public void Ignored_files_are_named_and_counted_by_extension()
    {
        var accounting = new BuildAccounting();
        foreach (string f in new[] { "a/NOTICE.md", "b/photo.JPG", "c/README.md", "LICENSE", "d/x.jpg" })
            accounting.Ignored(f);
        Assert.Equal(5, accounting.Summary.FilesIgnored);
        Assert.Equal(new[] { (".jpg", 2), (".md", 2), ("(none)", 1) }, accounting.Summary.IgnoredByExtension());
    }

    [Fact]
    public void Bytes_read_are_counted_apart_from_bytes_skipped()
    {
        var accounting = new BuildAccounting();
        accounting.Read(100);
        accounting.FileDone(uncounted: 0);
        accounting.FileDone(uncounted: 5000); // skipped unread
        Assert.Equal(100, accounting.BytesRead);
        Assert.Equal(5100, accounting.BytesDone);
        Assert.Equal(2, accounting.FilesDone);
    }
}
