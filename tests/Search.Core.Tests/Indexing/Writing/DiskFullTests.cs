using Search.Core.Indexing.Writing;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>A full disk is recognised wherever the write path wraps it, and nothing else is taken
/// for one. (A real full disk: tests/Search.Cli.Tests/Reliability/DiskFullTests.)</summary>
public sealed class DiskFullTests
{
    // What .NET throws on Linux for ENOSPC: the system's words, the path, errno as HResult.
    private static IOException NoSpace() => new("No space left on device : '/index/_3.fdt'", 28);

    [Fact]
    public void A_full_disk_is_recognised_inside_the_exceptions_that_carry_it()
    {
        Assert.True(DiskFull.Is(NoSpace()));
        Assert.True(DiskFull.Is(new SearchException("indexing failed: IOException", 1, NoSpace())));
        Assert.True(DiskFull.Is(new AggregateException(new InvalidOperationException("x"), new InvalidOperationException("flush", NoSpace()))));
        Assert.True(DiskFull.Is(new IOException("Disk quota exceeded", 122)));
    }

    [Fact]
    public void Other_input_and_output_errors_are_not_a_full_disk()
    {
        Assert.False(DiskFull.Is(new IOException("Input/output error", 5)));
        Assert.False(DiskFull.Is(new FileNotFoundException("gone")));
        Assert.False(DiskFull.Is(new UnauthorizedAccessException("denied")));
        Assert.False(DiskFull.Is(null));
    }

    [Fact]
    public void The_error_says_where_what_is_kept_and_what_to_do()
    {
        var kept = DiskFull.Error("/data/index", new SearchException("indexing failed", 1, NoSpace()), hadIndex: true);
        Assert.Equal("the disk is full: no space left to write the index at /data/index (No space left on device : '/index/_3.fdt'); "
            + "the index keeps its last commit; free some space and run the command again, which goes on from there", kept.Message);
        Assert.Equal(1, kept.ExitCode);
        Assert.Contains("no index was written", DiskFull.Error("/data/index", NoSpace(), hadIndex: false).Message);
    }
}
