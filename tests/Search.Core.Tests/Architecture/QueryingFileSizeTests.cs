using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Architecture;

/// <summary>The query side stays in parts a reader can hold (issue 20): no file of
/// src/Search.Core/Querying over 250 lines, so no type there is either.</summary>
public sealed class QueryingFileSizeTests
{
    private const int MaxLines = 250;

    [Fact]
    public void No_file_of_the_query_side_is_over_250_lines()
    {
        string folder = Path.Combine(RepoPaths.Root, "src", "Search.Core", "Querying");
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        var over = files
            .Select(f => (File: Path.GetRelativePath(folder, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(over.Count == 0, string.Join("; ", over));
    }
}
