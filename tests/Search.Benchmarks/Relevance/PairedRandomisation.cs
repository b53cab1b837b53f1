namespace Search.Benchmarks.Relevance;

/// <summary>
/// Fisher's paired randomisation (permutation) test over queries (Smucker, Allan &amp; Carterette,
/// CIKM 2007): under the null hypothesis the two systems are interchangeable, so each query's pair of
/// scores may be swapped; the two-sided p-value is the share of the 2^n swaps (sampled) whose mean
/// difference is at least as far from zero as the observed one. Fixed seed: the same inputs always
/// give the same p.
/// </summary>
public static class PairedRandomisation
{
    public const int Permutations = 20_000;

    /// <summary>Two-sided p-value of the mean of <paramref name="a"/> - <paramref name="b"/> (paired by index).</summary>
    public static double PValue(IReadOnlyList<double> a, IReadOnlyList<double> b, int permutations = Permutations, int seed = 12)
    {
        if (a.Count != b.Count) throw new ArgumentException($"paired samples differ in size: {a.Count} vs {b.Count}");
        int n = a.Count;
        if (n == 0) return 1;
        var d = new double[n];
        for (int i = 0; i < n; i++) d[i] = a[i] - b[i];
        double observed = Math.Abs(d.Sum());
        if (observed < 1e-12) return 1;
        var random = new Random(seed);
        int atLeast = 0;
        for (int p = 0; p < permutations; p++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += random.Next(2) == 0 ? d[i] : -d[i];
            if (Math.Abs(sum) >= observed - 1e-12) atLeast++;
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }
}
