using Search.Core.Duplicates;
using Xunit;

namespace Search.Core.Tests.Duplicates;

/// <summary>Where the shared text lies: a copy keeps the story's lead; a paragraph of one story
/// inserted into a copy of another does not make the copy a copy of the first.</summary>
public sealed class NearDuplicateRuleTests
{
    private const string Council =
        "The city council voted on Tuesday to close the public swimming pool on Mill Street for the summer, citing a cracked filter and a budget that cannot cover the repair this year.\n\n" +
        "Councillors said the pool would reopen next spring once the filter is replaced, and that children's lessons would move to the leisure centre across the river until then.";

    private const string Harbour =
        "Fishing boats stayed in the harbour for a third day as storm warnings were extended along the coast, and the harbour master said no vessel would leave before Friday.\n\n" +
        "Forecasters expect the wind to drop by the weekend, when the first boats could go out again for the autumn catch.";

    private static DuplicateFingerprint Print(string body) => DuplicateFingerprint.Of("x" + body.Length, body, null)!;

    private static string Paragraph(string body, int n) => body.Split("\n\n")[n];

    [Fact]
    public void A_copy_with_another_storys_paragraph_inserted_is_a_copy_of_its_story_only()
    {
        // The council story with the harbour brief's first paragraph inserted after its lead.
        string copy = string.Join("\n\n", Paragraph(Council, 0), Paragraph(Harbour, 0), Paragraph(Council, 1));
        var council = Print(Council);
        var harbour = Print(Harbour);
        var rewritten = Print(copy);
        Assert.True(TextShingles.Overlap(harbour.Shingles, rewritten.Shingles) >= NearDuplicateRule.Containment * harbour.Shingles.Length,
            "the copy holds most of the brief");
        Assert.Null(NearDuplicateRule.Why(council, rewritten));
        Assert.Equal("shared text is a passage inside another story", NearDuplicateRule.Why(harbour, rewritten));
    }

    [Theory]
    [InlineData("en", "de", false)]
    [InlineData("de", "ru", false)]
    [InlineData("de", "de", true)]
    [InlineData("und", "de", true)]
    [InlineData(null, "de", true)]
    public void Copies_are_only_ever_in_one_language(string? first, string? second, bool copy)
    {
        // The same text: a table of results or a story of names reads alike in two languages.
        var a = DuplicateFingerprint.Of("a", Council, null, first)!;
        var b = DuplicateFingerprint.Of("b", Council, null, second)!;
        Assert.Equal(copy, NearDuplicateRule.IsCopy(a, b));
        if (!copy)
            Assert.Equal("different languages", NearDuplicateRule.Why(a, b));
    }

    [Fact]
    public void A_dateline_before_the_story_keeps_it_a_copy()
    {
        var council = Print(Council);
        var wire = Print("SPRINGFIELD, June 3 (Reuters) - " + Council + "\n\n(Reporting by Jane Doe; editing by John Roe)");
        Assert.True(TextShingles.Lead(wire.Sequence, council.Shingles) <= NearDuplicateRule.LeadShingles);
        Assert.Null(NearDuplicateRule.Why(council, wire));
    }
    [Fact]
    public void A_brief_with_a_longer_paragraph_added_after_it_is_a_copy_but_not_when_quoted_after_another_story()
    {
        string brief = Paragraph(Council, 0);
        var original = Print(brief);
        var extended = Print(brief + "\n\n" + Harbour);
        var quoted = Print(Harbour + "\n\n" + brief);
        Assert.True(original.Shingles.Length < NearDuplicateRule.MinLengthRatio * extended.Shingles.Length, "the copy is more than 2.5 times the brief");
        Assert.Null(NearDuplicateRule.Why(original, extended));
        Assert.Equal("lengths too different", NearDuplicateRule.Why(original, quoted));
    }

    [Fact]
    public void A_look_alike_brief_with_a_paragraph_added_stays_apart()
    {
        const string Notice = "Acme Industries said its board declared a quarterly dividend of 12 cts a share, payable on April 15 to holders of record on March 27, and raised its annual outlook to 3.10 dlrs a share.";
        string other = Notice.Replace("12 cts", "19 cts", StringComparison.Ordinal).Replace("April 15", "May 2", StringComparison.Ordinal).Replace("3.10", "2.45", StringComparison.Ordinal);
        Assert.NotNull(NearDuplicateRule.Why(Print(Notice), Print(other + "\n\n" + Harbour)));
        Assert.Null(NearDuplicateRule.Why(Print(Notice), Print(Notice + "\n\n" + Harbour)));
    }
}
