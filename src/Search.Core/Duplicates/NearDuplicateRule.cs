namespace Search.Core.Duplicates;

/// <summary>
/// Decides whether two articles are copies of one story: the share of the shorter text's shingles
/// found in the longer (containment, |A∩B| / min(|A|,|B|), which a trimmed or extended copy keeps
/// high where Jaccard falls), behind three guards against look-alike briefs about different events
/// (Reuters' "FED SETS ONE BILLION DLR CUSTOMER REPURCHASE" vs "...TWO BILLION...", dividend and
/// prime-rate notices that differ in a figure or a name):
/// a minimum length (and a length ratio), the numbers of the shorter text present in the longer,
/// and a date window when both are dated.
/// </summary>
public static class NearDuplicateRule
{
    /// <summary>Bodies shorter than this are never clustered: too little text to tell a copy from a
    /// notice written to a template.</summary>
    public const int MinWords = 25;

    /// <summary>Containment a copy needs. A copy with 5% of its words changed keeps about 85% of
    /// its shingles; one also trimmed, with a paragraph of another story and a dateline added (how a
    /// site rewrites wire copy) keeps 60-70%; two different stories on one topic share well under 20%.</summary>
    public const double Containment = 0.62;

    /// <summary>Short texts need more: one changed name in a 40-word notice already leaves 80% shared.</summary>
    public const double ShortContainment = 0.90;

    /// <summary>Below this many shingles a text counts as short.</summary>
    public const int ShortShingles = 80;

    /// <summary>The shorter text must be at least this share of the longer (in shingles): otherwise a
    /// short article quoted whole inside a long one, or a long one's opening paragraph printed as a
    /// brief, would count as the same story. A copy trimmed to 60% still passes.</summary>
    public const double MinLengthRatio = 0.45;

    /// <summary>Share of a long text's numbers that may be missing from the other (after the first):
    /// a rewrite adds a dateline and another story's paragraph; a look-alike changes nearly all.</summary>
    public const double MissingNumbersShare = 0.35;

    /// <summary>Copies of a story are printed within days; the same notice a month on is news again.</summary>
    public const int DateWindowDays = 30;

    public static bool IsCopy(DuplicateFingerprint a, DuplicateFingerprint b) => Why(a, b) == null;

    /// <summary>Null when the pair is a copy, else the rule it fails (for tests and diagnostics).</summary>
    public static string? Why(DuplicateFingerprint a, DuplicateFingerprint b)
    {
        var (shorter, longer) = a.Shingles.Length <= b.Shingles.Length ? (a, b) : (b, a);
        if (shorter.Shingles.Length == 0)
            return "too short";
        if (a.Date != 0 && b.Date != 0 && Math.Abs(DayNumber(a.Date) - DayNumber(b.Date)) > DateWindowDays)
            return "dates too far apart";
        if (shorter.Shingles.Length < MinLengthRatio * longer.Shingles.Length)
            return "lengths too different";
        double needed = shorter.Shingles.Length < ShortShingles ? ShortContainment : Containment;
        int shared = TextShingles.Overlap(shorter.Shingles, longer.Shingles);
        if (shared < needed * shorter.Shingles.Length)
            return "too little text in common";
        // Every number of the shorter text in the longer when it is short (a brief about another
        // figure is another event); a long text may lose one, plus a share, to edits: a dateline's
        // day, a paragraph of another story with its own figures.
        int missing = shorter.Numbers.Length - TextShingles.Overlap(shorter.Numbers, longer.Numbers);
        int allowed = shorter.Shingles.Length < ShortShingles ? 0 : 1 + (int)(shorter.Numbers.Length * MissingNumbersShare);
        if (missing > allowed)
            return "different numbers";
        return null;
    }

    private static int DayNumber(int yyyymmdd)
    {
        int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
        try { return new DateOnly(y, m, d).DayNumber; }
        catch (ArgumentOutOfRangeException) { return 0; }
    }
}
