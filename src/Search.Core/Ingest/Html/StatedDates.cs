namespace Search.Core.Ingest.Html;

/// <summary>
/// Chooses the publication day among the dates a page states, in order of trust. The first
/// parsable one wins, except that a UTC timestamp (<c>…Z</c>, <c>+00:00</c>) gives way to a later
/// candidate for the same moment (within a day) written with the publisher's own offset: the
/// calendar day of <c>2017-02-24T01:18:13Z</c> is not the day printed on a Californian page that
/// also states <c>2017-02-23T17:18:13-08:00</c>. The Unix epoch is no date (a timestamp of zero).
/// </summary>
public static class StatedDates
{
    public static string? Choose(IEnumerable<string?> candidates)
    {
        var list = candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).ToList();
        int first = list.FindIndex(c => DateParsing.ToIsoDate(c) is { } d && !IsEpoch(d));
        if (first < 0)
            return null;
        string chosen = list[first];
        if (Moment(chosen) is { Offset: var offset } moment && offset == TimeSpan.Zero)
        {
            foreach (string other in list.Skip(first + 1))
                if (Moment(other) is { } m && m.Offset != TimeSpan.Zero && Math.Abs((m - moment).TotalHours) <= 24)
                    return DateParsing.ToIsoDate(other);
        }
        return DateParsing.ToIsoDate(chosen);
    }

    /// <summary>The Unix epoch (1 January 1970, 31 December 1969 west of Greenwich): what a template
    /// prints for a timestamp of zero, i.e. no date.</summary>
    private static bool IsEpoch(string isoDate) => isoDate is "1970-01-01" or "1969-12-31";

    /// <summary>An ISO 8601 date-time with an explicit offset or Z; null for anything else.</summary>
    private static DateTimeOffset? Moment(string text)
    {
        if (text.Length < 20 || text[10] != 'T' || !(text.EndsWith('Z') || text[^6] is '+' or '-'))
            return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
