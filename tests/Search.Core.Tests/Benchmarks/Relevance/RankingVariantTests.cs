using Search.Benchmarks.Relevance;
using Xunit;

namespace Search.Core.Tests.Benchmarks.Relevance;

public sealed class RankingVariantTests
{
    [Fact]
    public void The_exact_length_grid_is_the_grid_with_exact_lengths_instead_of_a_norm_reading()
    {
        var grid = RankingVariant.Grid().ToList();
        var exact = RankingVariant.ExactLengthGrid().ToList();
        // Half the grid: the norm reading is no longer a choice.
        Assert.Equal(grid.Count / 2, exact.Count);
        Assert.All(exact, v => Assert.Same(ExactLengths.Instance, v.Ranking.DocumentLengths));
        // The same search-time choices otherwise, each once.
        static (float, float, float) Key(RankingVariant v) => (v.Ranking.K1, v.Ranking.B, v.Ranking.ProximityBoost);
        Assert.Equal(grid.Select(Key).Distinct().OrderBy(k => k), exact.Select(Key).OrderBy(k => k));
        Assert.All(exact, v => Assert.Contains("exact lengths", v.Label, StringComparison.Ordinal));
        Assert.All(exact, v => Assert.DoesNotContain("norm lengths", v.Label, StringComparison.Ordinal));
        // The product never ships an index-time variant.
        Assert.Null(RankingVariant.Default.Ranking.DocumentLengths);
        Assert.DoesNotContain(RankingVariant.Default, exact);
    }
}
