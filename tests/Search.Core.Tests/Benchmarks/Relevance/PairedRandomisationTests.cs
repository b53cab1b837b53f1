using Search.Benchmarks.Relevance;
using Xunit;

namespace Search.Core.Tests.Benchmarks.Relevance;

public class PairedRandomisationTests
{
    [Fact]
    public void A_consistent_difference_is_significant_and_noise_is_not()
    {
        // Every one of 20 queries better by 0.1: the chance of that under random signs is 2 × 2^-20.
        var a = Enumerable.Range(0, 20).Select(i => 0.5 + i * 0.01).ToArray();
        var b = a.Select(x => x - 0.1).ToArray();
        Assert.True(PairedRandomisation.PValue(a, b) < 0.001);

        // Differences of alternating sign that cancel out: no evidence either way.
        var c = a.Select((x, i) => i % 2 == 0 ? x + 0.1 : x - 0.1).ToArray();
        Assert.True(PairedRandomisation.PValue(a, c) > 0.5);
        Assert.Equal(1.0, PairedRandomisation.PValue(a, a));
    }

    [Fact]
    public void Matches_the_exact_test_on_a_small_sample()
    {
        // Differences 1, 2, 3: of the 8 sign patterns, |sum| >= 6 for (+,+,+) and (-,-,-): p = 2/8.
        double p = PairedRandomisation.PValue([1.0, 2.0, 3.0], [0.0, 0.0, 0.0], permutations: 200_000);
        Assert.InRange(p, 0.24, 0.26);
        Assert.Equal(p, PairedRandomisation.PValue([1.0, 2.0, 3.0], [0.0, 0.0, 0.0], permutations: 200_000));
    }
}
