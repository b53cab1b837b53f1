using Lucene.Net.QueryParsers.Classic;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// Dates in queries, the same way for every date field (`published:`/`date:`, `year:`, `month:`,
/// `--filter year=`/`month=`): a date that cannot exist (`2019-13`, `2019-02-30`) and a range
/// whose start is after its end (`[2020 TO 2019]`) are errors that name the text, never a silent
/// empty result. `published:2019` and `published:2019-03` mean the whole year or month.
/// </summary>
internal static partial class DateQueries
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// `published:2019` and `published:2019-03` mean the whole year or month, `published:2019-03-04`
    /// that day; `>`, `>=`, `<` and `<=` before the date compare with the whole period
    /// (`>2019` is from 2020 on, `<=2019-03` up to the end of March).
    /// </summary>
    public static Query Published(string text)
    {
        string op = text.StartsWith(">=", StringComparison.Ordinal) || text.StartsWith("<=", StringComparison.Ordinal) ? text[..2]
            : text.StartsWith('>') || text.StartsWith('<') ? text[..1] : "";
        if (op.Length > 0 && op.Length == text.Length) // `published:> 2020`: the date after a space is a word of its own
            throw new ParseException($"'{op}' needs a date right after it, without a space (published:{op}2020-01-01)");
        var (first, last) = Period(text[op.Length..]);
        return op switch
        {
            ">" => Range(last, null, false, true),
            ">=" => Range(first, null, true, true),
            "<" => Range(null, first, true, false),
            "<=" => Range(null, last, true, true),
            _ => Range(first, last, true, true),
        };
    }

    /// <summary>A value of a date field, quoted or not (`published:"2019"` is `published:2019`):
    /// the query of a `published:` value; null, once a `year:`/`month:` value is checked (their
    /// fields hold the values as written), and for every other field.</summary>
    public static Query? ForField(string? field, string text)
    {
        if (field == Schema.Published)
            return Published(text);
        if (field != null && field.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal))
            CheckFacetValue(field[Schema.FacetPrefix.Length..], text);
        return null;
    }

    /// <summary>`published:2019~` found nothing and `year:2019~` every year within two edits (2010
    /// to 2029): a date is no word to respell. An error saying how to ask for the dates around one.</summary>
    public static void CheckNotFuzzy(string? field, string text)
    {
        if (field == Schema.Published || (field != null && field.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal) && IsDateDimension(field[Schema.FacetPrefix.Length..])))
            throw new ParseException($"a date cannot be fuzzy ('{text}~'); for the dates around it use a range, like published:[2018 TO 2020]");
    }

    /// <summary>`published:[2019 TO 2020-06]`: a partial date stands for its whole period: [2019
    /// means from 2019-01-01, {2019 after 2019-12-31; 2020] up to 2020-12-31, 2020} before 2020-01-01.</summary>
    public static Query PublishedRange(string? part1, string? part2, bool startInclusive, bool endInclusive)
    {
        CheckOrder("published", part1, part2);
        string? low = Bound(part1, low: startInclusive), high = Bound(part2, low: !endInclusive);
        return Range(low, high, startInclusive, endInclusive);
    }

    /// <summary>Whether <paramref name="dimension"/> holds dates (`year`, `month`).</summary>
    public static bool IsDateDimension(string dimension) => dimension is "year" or "month";

    /// <summary>A `year:`/`month:` value: the error of <see cref="Period"/> when it cannot exist,
    /// and one when it has the wrong precision (a day in `month:`, a month in `year:`).</summary>
    public static void CheckFacetValue(string dimension, string value)
    {
        if (!IsDateDimension(dimension) || value is "*")
            return;
        if (value.StartsWith('<') || value.StartsWith('>'))
            throw new ParseException($"invalid {dimension} '{value}': {dimension}: compares only as a range ({dimension}:[2020 TO *]); published:{value} compares dates");
        Period(value);
        int parts = value.Split('-').Length;
        if (dimension == "year" && parts != 1)
            throw new ParseException($"invalid year '{value}': year: takes yyyy (year:2019); use month:yyyy-MM or published: for a month or a day");
        if (dimension == "month" && parts != 2)
            throw new ParseException($"invalid month '{value}': month: takes yyyy-MM (month:2019-03); use year: or published: for a year or a day");
    }

    /// <summary>`year:[2019 TO 2020]`, `month:[2019-01 TO 2019-06]`: both ends checked, in order.</summary>
    public static void CheckFacetRange(string dimension, string? part1, string? part2)
    {
        if (!IsDateDimension(dimension))
            return;
        if (part1 != null) CheckFacetValue(dimension, part1);
        if (part2 != null) CheckFacetValue(dimension, part2);
        CheckOrder(dimension, part1, part2);
    }

    /// <summary>A `--filter year=…`/`month=…` value; a query error naming the option otherwise.</summary>
    public static void CheckFilter(string dimension, string value)
    {
        try
        {
            CheckFacetValue(dimension, value);
        }
        catch (ParseException e)
        {
            throw new QuerySyntaxException($"--filter {dimension}={value}: {e.Message}", 0);
        }
    }

    /// <summary>The first and last day of `yyyy`, `yyyy-MM` or `yyyy-MM-dd` as ISO dates; an
    /// error naming the text when it is not a date that exists.</summary>
    public static (string First, string Last) Period(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success)
            throw new ParseException($"invalid date '{text}': use yyyy, yyyy-MM or yyyy-MM-dd (published:2019, published:2019-03, published:>=2019-03-04)");
        int year = int.Parse(m.Groups[1].Value, Inv);
        if (year < 1)
            throw new ParseException($"invalid date '{text}': there is no year 0");
        if (!m.Groups[2].Success)
            return ($"{year:D4}-01-01", $"{year:D4}-12-31");
        int month = int.Parse(m.Groups[2].Value, Inv);
        if (month is < 1 or > 12)
            throw new ParseException($"invalid date '{text}': month {month} does not exist");
        int days = DateTime.DaysInMonth(year, month);
        if (!m.Groups[3].Success)
            return ($"{year:D4}-{month:D2}-01", $"{year:D4}-{month:D2}-{days:D2}");
        int day = int.Parse(m.Groups[3].Value, Inv);
        if (day < 1 || day > days)
            throw new ParseException($"invalid date '{text}': {Inv.DateTimeFormat.GetMonthName(month)} {year} has {days} days");
        string date = $"{year:D4}-{month:D2}-{day:D2}";
        return (date, date);
    }

    /// <summary>A range whose start is after its end would find nothing without a word: an error.</summary>
    private static void CheckOrder(string field, string? part1, string? part2)
    {
        if (part1 is null or "*" || part2 is null or "*")
            return;
        if (string.CompareOrdinal(Period(part1).First, Period(part2).Last) > 0)
            throw new ParseException($"reversed range '{part1} TO {part2}': it starts after it ends; write {field}:[{part2} TO {part1}]");
    }

    private static TermRangeQuery Range(string? low, string? high, bool includeLow, bool includeHigh) =>
        new(Schema.Published, low == null ? null : new BytesRef(low), high == null ? null : new BytesRef(high), includeLow, includeHigh);

    /// <summary>Turns `2019` / `2019-06` / `2019-06-30` / `*` into a bound on ISO dates.</summary>
    private static string? Bound(string? part, bool low)
    {
        if (part is null or "*") // the classic parser passes an open end (`*`) as null
            return null;
        var (first, last) = Period(part);
        return low ? first : last;
    }

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")]
    private static partial Regex DatePattern();
}
