namespace Search.Core.Duplicates;

/// <summary>
/// Decides whether two articles are copies of one story. Text first: the share of the shorter
/// text's shingles found in the longer (containment, |A∩B| / min(|A|,|B|), which a trimmed or
/// extended copy keeps high where Jaccard falls). Then guards against what shares text without
/// being the same story: a minimum length and a length ratio (a short article quoted whole inside a
/// long one), a date window when both are dated, and <see cref="AlignedSlots"/>: where the two texts
/// run the same, the figures and names in them must be the same. That last guard is what tells a
/// look-alike brief (one template, other figures or other companies, or other answers to one list
/// of questions: Reuters' "FED SETS ONE
/// BILLION DLR CUSTOMER REPURCHASE" vs "...TWO BILLION...", dividend notices of two companies)
/// from a rewritten copy (trimmed, reworded, a paragraph of another story inserted, a dateline
/// added), whose differences are not figures put for figures or names for names.
/// </summary>
public static class NearDuplicateRule
{
    /// <summary>Bodies shorter than this are never clustered: too little text to tell a copy from a
    /// notice written to a template. Fifteen: a wire brief of 25 words trimmed to 60% is still a
    /// copy, and the figures-and-names guard, not the length, is what keeps notices apart.</summary>
    public const int MinWords = 15;

    /// <summary>Containment a copy needs. A copy trimmed to 60% of its words with 5% of them replaced
    /// (each replaced word breaks three shingles) keeps 0.6 × 0.85 ≈ 0.51 of the original's
    /// shingles; a dateline and an inserted paragraph add shingles to the copy, not take them from
    /// the original. Two different stories on one topic share well under 20%; what shares more
    /// (briefs written to one template) is what the figures-and-names guard is for.</summary>
    public const double Containment = 0.50;

    /// <summary>Below this many shingles a text counts as short: a brief, where one changed figure
    /// is another event.</summary>
    public const int ShortShingles = 80;

    /// <summary>The shorter text must be at least this share of the longer (in shingles), unless it is
    /// whole at the longer's start (<see cref="MinLeadLengthRatio"/>): otherwise a short article
    /// quoted inside a long one, or a passage of a long one printed as a brief, would count as the
    /// same story. A copy trimmed to 60% with a paragraph inserted still passes.</summary>
    public const double MinLengthRatio = 0.40;

    /// <summary>Below <see cref="MinLengthRatio"/> and down to this, the shorter text may still be a
    /// copy when it is nearly whole (<see cref="WholeContainment"/>) at the start of the longer: a
    /// brief with a paragraph of other text added after it (a one-paragraph wire story a site
    /// printed with a paragraph of its own, or the brief a long story's lead was printed as). A short
    /// text quoted inside a long one is not at its start, and a look-alike brief still meets the
    /// figures-and-names guard. A quarter: a brief with a paragraph three times its length added.</summary>
    public const double MinLeadLengthRatio = 0.25;

    /// <summary>Share of the shorter text's shingles the longer must hold for a pair under
    /// <see cref="MinLengthRatio"/>: all of it but a reworded word or two.</summary>
    public const double WholeContainment = 0.90;

    /// <summary>Share of the figures in shared text that may differ in a long text (an update of a
    /// running story changes a toll or a price; a look-alike changes nearly all). In a short text
    /// none may.</summary>
    public const double ChangedNumbersShare = 0.20;

    /// <summary>Share of the names in shared text that may differ: a replaced word is now and then a
    /// name put for a name; a look-alike about another company changes every one.</summary>
    public const double ChangedNamesShare = 0.25;

    /// <summary>Share of the shared span that may be other passages in the same frame: a site
    /// rewrites a sentence or two; interviews to one list of questions differ in every answer.</summary>
    public const double RewrittenShare = 0.25;

    /// <summary>Shingles of its own a text may put before the story it shares with another (a
    /// dateline and byline, a few words of a rewritten opening). A copy keeps the story's lead: the
    /// shared text starts at the start of one of the two, give or take this much, and when it is
    /// less than half of the longer text it starts there at the start of the longer. A paragraph of
    /// story Y inserted into a copy of story X sits after X's lead (and often in the middle of Y):
    /// counted as a copy of Y, it would join the stories X and Y. Twenty: a dateline and a byline
    /// fit, and on the BBC set (where it was chosen) no copy made by any edit starts later.</summary>
    public const int LeadShingles = 20;

    /// <summary>Copies of a story are printed within days; the same notice a month on is news again.</summary>
    public const int DateWindowDays = 30;

    public static bool IsCopy(DuplicateFingerprint a, DuplicateFingerprint b) => Why(a, b) == null;

    /// <summary>Whether two articles are known to be in two languages. A translation is another
    /// story for a reader of either language, and two texts made mostly of names and figures (results,
    /// tables) can share enough shingles across languages; undetermined (`und`) or unknown matches
    /// any language, as such a text is analysed as English.</summary>
    public static bool DifferentLanguages(string? a, string? b) =>
        Known(a) && Known(b) && !string.Equals(a, b, StringComparison.Ordinal);

    // "und" is Enrich's LanguageCodes.Undetermined, written out: Duplicates/ depends on no other folder (ARCHITECTURE.md).
    private static bool Known(string? language) => !string.IsNullOrEmpty(language) && language != "und";

    /// <summary>Null when the pair is a copy, else the rule it fails (for tests and diagnostics).</summary>
    public static string? Why(DuplicateFingerprint a, DuplicateFingerprint b)
    {
        if (DifferentLanguages(a.Language, b.Language))
            return "different languages";
        if (WhyNotBySize(a.Shingles.Length, a.Date, b.Shingles.Length, b.Date) is { } why)
            return why;
        var (shorter, longer) = a.Shingles.Length <= b.Shingles.Length ? (a, b) : (b, a);
        int shared = TextShingles.Overlap(shorter.Shingles, longer.Shingles);
        if (shared < Containment * shorter.Shingles.Length)
            return "too little text in common";
        int longerLead = TextShingles.Lead(longer.Sequence, shorter.Shingles);
        if (shorter.Shingles.Length < MinLengthRatio * longer.Shingles.Length && (shared < WholeContainment * shorter.Shingles.Length || longerLead > LeadShingles))
            return "lengths too different";
        if (longerLead > LeadShingles && (shared < Containment * longer.Shingles.Length || TextShingles.Lead(shorter.Sequence, longer.Shingles) > LeadShingles))
            return "shared text is a passage inside another story";
        // Figures and names where the texts run the same, counted from each side (a changed slot is
        // seen from both; what is kept, from the shorter).
        var one = AlignedSlots.Compare(shorter, longer);
        var other = AlignedSlots.Compare(longer, shorter);
        int numbersChanged = Math.Max(one.NumbersChanged, other.NumbersChanged);
        int namesChanged = Math.Max(one.NamesChanged, other.NamesChanged);
        bool brief = shorter.Shingles.Length < ShortShingles;
        if (numbersChanged > 0 && (brief || numbersChanged >= ChangedNumbersShare * (numbersChanged + one.NumbersKept)))
            return "different numbers";
        if (namesChanged > 0 && namesChanged >= ChangedNamesShare * (namesChanged + one.NamesKept))
            return "different names";
        if (one.Rewritten > RewrittenShare * one.Span || other.Rewritten > RewrittenShare * other.Span)
            return "other passages in one frame";
        return null;
    }

    /// <summary>The rule's first tests, which need only each text's number of distinct shingles and
    /// its date (yyyyMMdd, 0 when undated): null when the pair may be a copy, else the rule it fails.
    /// Lengths are tested against <see cref="MinLeadLengthRatio"/> here; <see cref="Why"/> asks the
    /// stricter <see cref="MinLengthRatio"/> of a pair whose shorter text is not whole at the start
    /// of the longer.
    /// The write path keeps both beside the band keys, so a candidate pair they turn down is
    /// never read from the stored text.</summary>
    public static string? WhyNotBySize(int shinglesA, int dateA, int shinglesB, int dateB)
    {
        var (shorter, longer) = shinglesA <= shinglesB ? (shinglesA, shinglesB) : (shinglesB, shinglesA);
        if (shorter == 0)
            return "too short";
        if (dateA != 0 && dateB != 0 && Math.Abs(DayNumber(dateA) - DayNumber(dateB)) > DateWindowDays)
            return "dates too far apart";
        if (shorter < MinLeadLengthRatio * longer)
            return "lengths too different";
        return null;
    }

    private static int DayNumber(int yyyymmdd)
    {
        int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
        try { return new DateOnly(y, m, d).DayNumber; }
        catch (ArgumentOutOfRangeException) { return 0; }
    }
}
