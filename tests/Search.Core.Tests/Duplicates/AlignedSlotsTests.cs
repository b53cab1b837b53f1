using System.Text.RegularExpressions;
using Search.Core.Duplicates;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Duplicates;

/// <summary>The rule on real texts that share a template without being one story, and on edited
/// copies of real seed articles: a site's rewrite of a story is a copy, the same text with other
/// figures or other names is not.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed partial class AlignedSlotsTests(SeedIndex seeds)
{
    private static DuplicateFingerprint Print(string body) => DuplicateFingerprint.Of("x", body, null)!;

    /// <summary>Wikinews' interviews of 2020 candidates: one question list, other people's answers
    /// (the pairs the rule of issue 14 lowered to containment 0.5 would join).</summary>
    [Theory]
    [InlineData("wikinews_2020.csv#99", "wikinews_2020.csv#102")]
    [InlineData("wikinews_2020.csv#101", "wikinews_2020.csv#102")]
    [InlineData("wikinews_2020.csv#116", "wikinews_2020.csv#117")]
    public void Interviews_to_one_question_list_are_not_copies(string a, string b)
    {
        var pa = Print(seeds.Searcher.Get(a)!.Body);
        var pb = Print(seeds.Searcher.Get(b)!.Body);
        Assert.True(TextShingles.Overlap(pa.Shingles, pb.Shingles) >= 0.45 * Math.Min(pa.Shingles.Length, pb.Shingles.Length), "they share most of their text");
        Assert.NotNull(NearDuplicateRule.Why(pa, pb));
        // The guard for them on its own, whatever rule refuses them first (their openings differ too).
        var one = AlignedSlots.Compare(pa, pb);
        var other = AlignedSlots.Compare(pb, pa);
        Assert.True(one.Rewritten > NearDuplicateRule.RewrittenShare * one.Span || other.Rewritten > NearDuplicateRule.RewrittenShare * other.Span,
            "other answers fill the frame");
    }

    [Fact]
    public void A_rewrite_with_every_edit_at_once_is_a_copy()
    {
        var articles = CopyCorpus.Longest(seeds, 12);
        for (int n = 0; n < articles.Count; n++)
        {
            string body = articles[n].Body, other = articles[(n + 1) % articles.Count].Body;
            var words = CopyCorpus.Head(body, 0.65).Split(' ');
            var theirs = other.Split(' ');
            for (int w = 7; w < words.Length; w += 20)
                words[w] = theirs[w % theirs.Length]; // 5% of the words replaced
            string kept = string.Join(' ', words);
            int cut = kept.IndexOf(". ", kept.Length / 3, StringComparison.Ordinal) + 2;
            string inserted = string.Join(' ', theirs.Skip(theirs.Length / 2).Take(60));
            string rewrite = "LONDON, May 3 (Reuters) - " + kept[..cut] + inserted + ". " + kept[cut..] + " (Reporting by Jane Doe; editing by John Roe)";
            Assert.True(NearDuplicateRule.IsCopy(Print(body), Print(rewrite)), $"{articles[n].Id}: {NearDuplicateRule.Why(Print(body), Print(rewrite))}");
        }
    }

    [Fact]
    public void The_same_text_with_other_figures_is_not_a_copy()
    {
        var withFigures = CopyCorpus.Longest(seeds, 60).Where(a => Digits().Count(a.Body) >= 3).Take(10).ToList();
        Assert.True(withFigures.Count >= 5, $"{withFigures.Count} articles with figures");
        foreach (var a in withFigures)
        {
            string lookAlike = Digits().Replace(a.Body, m => ((long.Parse(m.Value[..Math.Min(9, m.Length)], System.Globalization.CultureInfo.InvariantCulture) + 3) % 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("different numbers", NearDuplicateRule.Why(Print(a.Body), Print(lookAlike)));
        }
    }

    [Fact]
    public void The_same_text_about_other_people_and_companies_is_not_a_copy()
    {
        var articles = CopyCorpus.Longest(seeds, 10);
        string[] names = { "Harrow", "Kestrel", "Mandeville", "Ostrander", "Quill", "Rutherford", "Sallow", "Tamsin" };
        string[] endings = { "", "ton", "by", "ley", "well", "ford", "wick", "dale" };
        foreach (var a in articles)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            string lookAlike = MidSentenceName().Replace(a.Body, m => map.TryGetValue(m.Value, out var n) ? n : map[m.Value] = names[map.Count % names.Length] + endings[map.Count / names.Length % endings.Length]);
            Assert.Equal("different names", NearDuplicateRule.Why(Print(a.Body), Print(lookAlike)));
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>A capitalised word after a lower-case word or a comma: a name, not a sentence's first word.</summary>
    [GeneratedRegex(@"(?<=[\p{Ll},;] )\p{Lu}\p{Ll}+")]
    private static partial Regex MidSentenceName();
}
