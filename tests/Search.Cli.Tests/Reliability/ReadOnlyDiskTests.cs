using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Reliability;

/// <summary>
/// An index on a read-only file system (a disk mounted read-only, an archive on read-only media):
/// every reading command answers, and a build or a repair says the file system is read-only, not
/// that another process is writing the index.
/// </summary>
public sealed class ReadOnlyDiskTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [SmallDiskFact]
    public void A_read_only_index_answers_and_a_build_says_the_disk_is_read_only()
    {
        using var disk = new SmallDisk(_dir.Sub("disk"), "16m");
        string index = Path.Combine(disk.Path, "idx");
        var built = SearchCli.RunChild(TimeSpan.FromMinutes(2), "index", RepoPaths.SeedArticle, "--index", index, "--quiet");
        Assert.True(built.Code == 0, built.Err);
        File.Delete(Path.Combine(index, ".search-verified.json")); // so the readers below try to write it
        disk.ReadOnly(true);
        try
        {
            var query = SearchCli.RunChild(TimeSpan.FromMinutes(1), "query", "synagogue", "--index", index);
            Assert.True(query.Code == 0, query.Err);
            Assert.Contains("1 result for", query.Out);
            Assert.Equal(0, SearchCli.RunChild(TimeSpan.FromMinutes(1), "stats", "--index", index).Code);

            foreach (var args in new[] { new[] { "index", "--index", index }, new[] { "check", "--fix", "--index", index } })
            {
                var refused = SearchCli.RunChild(TimeSpan.FromMinutes(1), args);
                Assert.Equal(1, refused.Code);
                Assert.Equal($"search: cannot write to index {index}: it is on a read-only file system; queries work there, "
                    + "and a build needs the index on a writable disk (copy it, or use --index)", refused.Err.Trim());
            }
        }
        finally
        {
            disk.ReadOnly(false);
        }
    }

    /// <summary>A new index on a disk mounted read-only said "unexpected error: IOException:
    /// Read-only file system" (an existing one was refused with the line above).</summary>
    [SmallDiskFact]
    public void A_new_index_on_a_read_only_disk_is_one_line()
    {
        using var disk = new SmallDisk(_dir.Sub("disk"), "1m");
        disk.ReadOnly(true);
        try
        {
            string index = Path.Combine(disk.Path, "idx");
            var refused = SearchCli.InProcess("index", RepoPaths.SeedArticle, "--index", index, "--quiet");
            Assert.Equal(1, refused.Code);
            Assert.Equal($"search: cannot create index folder {index}: it is on a read-only file system; use --index to build one on a writable disk", refused.Err.Trim());
        }
        finally
        {
            disk.ReadOnly(false);
        }
    }
}
