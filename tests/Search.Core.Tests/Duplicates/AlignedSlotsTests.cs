using Search.Core.Duplicates;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Duplicates;

/// <summary>The rule on real texts that share a template without being one story, and on edited
/// copies of real articles (the edits a site makes when it rewrites wire copy).</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class AlignedSlotsTests(SeedIndex seeds)
{
    private static DuplicateFingerprint Print(string body) => DuplicateFingerprint.Of("x", body, null)!;

    /// <summary>Wikinews' interviews of 2020 candidates: one question list, other people's answers.</summary>
    [Theory]
    [InlineData("wikinews_2020.csv#99", "wikinews_2020.csv#101")]
    [InlineData("wikinews_2020.csv#99", "wikinews_2020.csv#102")]
    [InlineData("wikinews_2020.csv#101", "wikinews_2020.csv#102")]
    [InlineData("wikinews_2020.csv#116", "wikinews_2020.csv#117")]
    public void Interviews_to_one_question_list_are_not_copies(string a, string b)
    {
        var pa = Print(seeds.Searcher.Get(a)!.Body);
        var pb = Print(seeds.Searcher.Get(b)!.Body);
        var t = AlignedSlots.Compare(pa.Shingles.Length <= pb.Shingles.Length ? pa : pb, pa.Shingles.Length <= pb.Shingles.Length ? pb : pa);
        Assert.True(!NearDuplicateRule.IsCopy(pa, pb), $"{a} vs {b}: {t} shared {TextShingles.Overlap(pa.Shingles, pb.Shingles)} of {Math.Min(pa.Shingles.Length, pb.Shingles.Length)}");
    }
}
