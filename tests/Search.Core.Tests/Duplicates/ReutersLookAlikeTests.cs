using Search.Core.Duplicates;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Duplicates;

/// <summary>The guards on Reuters-21578's look-alike briefs: notices written to one template that
/// differ in a figure are different events; exact reprints are copies.</summary>
public sealed class ReutersLookAlikeTests
{
    private static readonly Lazy<List<ReutersDoc>> Docs = new(() => ReutersCorpus.Read(SharedCorpus.Path("corpora", "reuters21578")).ToList());

    private static string Normalised(string body) => string.Join(' ', TextShingles.Words(body));

    [SharedFact]
    public void Fed_repurchase_briefs_with_other_figures_are_not_copies()
    {
        var briefs = Docs.Value.Where(d => d.Title.Contains("CUSTOMER REPURCHASE", StringComparison.Ordinal) && d.Body.Length > 0).ToList();
        Assert.True(briefs.Count >= 10, $"{briefs.Count} briefs");
        int differing = 0;
        foreach (var (a, b) in Pairs(briefs))
        {
            var pa = DuplicateFingerprint.Of("a", a.Body, null);
            var pb = DuplicateFingerprint.Of("b", b.Body, null);
            if (pa == null || pb == null)
                continue;
            bool same = Normalised(a.Body) == Normalised(b.Body);
            if (!same) differing++;
            Assert.True(same == NearDuplicateRule.IsCopy(pa, pb), $"{a.NewId} vs {b.NewId}: {NearDuplicateRule.Why(pa, pb) ?? "copy"}");
        }
        Assert.True(differing > 50, $"only {differing} differing pairs compared");
    }

    /// <summary>Every reprint group of the whole corpus: a long test.</summary>
    [LongSharedFact]
    public void Exact_reprints_are_copies()
    {
        var reprints = Docs.Value.Where(d => TextShingles.Words(d.Body).Count >= NearDuplicateRule.MinWords)
            .GroupBy(d => Normalised(d.Body)).Where(g => g.Count() > 1).ToList();
        Assert.True(reprints.Count > 100, $"{reprints.Count} groups");
        foreach (var group in reprints)
            foreach (var (a, b) in Pairs(group.ToList()))
                Assert.True(NearDuplicateRule.IsCopy(DuplicateFingerprint.Of("a", a.Body, null)!, DuplicateFingerprint.Of("b", b.Body, null)!), $"{a.NewId} vs {b.NewId}");
    }

    private static IEnumerable<(T, T)> Pairs<T>(List<T> items)
    {
        for (int i = 0; i < items.Count; i++)
            for (int j = i + 1; j < items.Count; j++)
                yield return (items[i], items[j]);
    }
}
