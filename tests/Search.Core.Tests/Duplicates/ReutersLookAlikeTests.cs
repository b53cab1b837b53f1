using Search.Core.Duplicates;
using Search.Core.Ingest;
using Search.Core.Ingest.Xml;
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

    /// <summary>Notices written to one template that differ in who they are about, in the wire's own
    /// words as the index holds them (dateline, then the story): twelve banks raising their prime rate
    /// on 1 April 1987 and three companies filing convertible debt were each listed as one story with
    /// eleven (two) copies, so a search for the second bank showed the first with "+11 copies".
    /// Reprints of one story in the same files stay copies.</summary>
    [SharedFact]
    public void Briefs_to_one_template_about_other_banks_and_companies_are_not_copies()
    {
        var bodies = new[] { "003", "007", "011", "012", "013", "015" }
            .Select(n => SharedCorpus.Path("corpora", "reuters21578", $"reut2-{n}.sgm"))
            .SelectMany(path => new ReutersSgmlReader().Read(new SourceFile(path, Path.GetFileName(path), Path.GetDirectoryName(path)!)))
            .Where(item => item.Article != null)
            .ToDictionary(item => item.Article!.Id, item => item.Article!);
        DuplicateFingerprint Print(string id) =>
            DuplicateFingerprint.Of(id, bodies[id].Body, bodies[id].Published, "en") ?? throw new InvalidOperationException($"{id} is too short to compare");
        string[][] lookAlikes =
        [
            ["11913", "11960", "12102", "12112", "12235", "12274", "12297", "12509", "12514", "12571", "12687"], // X raises prime rate to 7-3/4 pct
            ["3178", "7697", "15113"], // X files 75 mln dlr convertible debentures
        ];
        foreach (var group in lookAlikes)
            foreach (var (a, b) in Pairs(group.ToList()))
                Assert.True(NearDuplicateRule.Why(Print(a), Print(b)) != null, $"{a} ({bodies[a].Title}) vs {b} ({bodies[b].Title}) taken for copies");
        foreach (var (a, b) in new[] { ("3092", "3103"), ("3092", "3122"), ("15400", "15455"), ("13308", "13327"), ("12068", "12339") })
            Assert.True(NearDuplicateRule.IsCopy(Print(a), Print(b)), $"{a} vs {b}: {NearDuplicateRule.Why(Print(a), Print(b))}");
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
