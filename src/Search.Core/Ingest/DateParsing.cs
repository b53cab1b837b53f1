namespace Search.Core.Ingest;

/// <summary>How to read an all-number date like 03/04/2021 whose first two numbers could both be
/// the month: <see cref="Unknown"/> leaves it unread (never guesses).</summary>
public enum DateOrder
{
    Unknown,
    /// <summary>US order, month/day/year: 03/04/2021 is March 4.</summary>
    MonthFirst,
    /// <summary>Day/month/year: 03/04/2021 is 3 April.</summary>
    DayFirst,
}

/// <summary>
/// Turns the date forms news data uses into ISO <c>yyyy-MM-dd</c>, or null. Never guesses: an
/// impossible date (2019-13-45), an ambiguous one (01/04/2019: January or April?) or one without a
/// day gives null. For date-times the calendar day is the one written (the publisher's local day),
/// not converted to UTC. Culture-independent (month and day names are English).
/// </summary>
public static class DateParsing
{
    private const int MinYear = 1800, MaxYear = 2199;

    /// <summary>How far into a body a leading dateline is looked for.</summary>
    private const int DatelineWindow = 200;

    /// <summary>Most words a dateline has ("Friday, January 4, 2019 10:00 GMT").</summary>
    private const int DatelineMaxTokens = 6;

    private const string DatelinePunctuation = ",;:-—–";

    /// <summary>
    /// Parses: ISO dates and date-times (<c>2019-01-04</c>, <c>2019-01-04T10:00:00+03:00</c>,
    /// <c>2019-01-04 10:00</c>), <c>2019/01/04</c>, RFC 1123/822 (<c>Fri, 04 Jan 2019 10:00:00 GMT</c>),
    /// <c>January 4, 2019</c>, <c>4 January 2019</c>, <c>Friday, January 4, 2019</c>, <c>04-Jan-2019</c>
    /// (month names full or abbreviated, day ordinals like 4th allowed), and the same in German,
    /// French, Spanish, Italian, Portuguese, Dutch and Russian (<c>Dienstag, 3. Dezember 2024</c>,
    /// <c>1er décembre 2024</c>, <c>3 de diciembre de 2024</c>, <c>3 декабря 2024 г.</c>:
    /// <see cref="DateWords"/>; only in a field that holds a date, not in a body's dateline); <c>03/04/2021</c> (also with '-' or '.', and a
    /// time after it) when one number is over 12 or <paramref name="order"/> says which is the
    /// month; <c>07.03.2021</c> (dots) day first, as every country that writes dates with dots
    /// does, unless <paramref name="order"/> says month first; Unix time in seconds (9 or 10
    /// digits: 1973 to 2286) or milliseconds (12 or 13 digits), as the UTC day; ISO 8601's basic
    /// form <c>20190104</c>, <c>20190104100000</c> (GDELT's) or <c>20190104T100000Z</c>. Digits alone
    /// only in a field that holds a date, never at the start of a body.
    /// </summary>
    public static string? ToIsoDate(string? text, DateOrder order = DateOrder.Unknown) => Parse(text, order, inField: true);

    /// <summary>Whether <paramref name="text"/> is a date left unread only for want of a
    /// <see cref="DateOrder"/> (07.03.2021: the 7th of March or July 3rd?): one order reads it.</summary>
    public static bool IsAmbiguous(string? text) =>
        ToIsoDate(text) == null && (ToIsoDate(text, DateOrder.DayFirst) != null || ToIsoDate(text, DateOrder.MonthFirst) != null);

    /// <summary><see cref="ToIsoDate"/>; Unix times and names in other languages than English only
    /// <paramref name="inField"/> (a field that holds a date, not a number or a line at the start of a
    /// body: "27 марта 2013 года было объявлено" opens a story about that day).</summary>
    private static string? Parse(string? text, DateOrder order, bool inField)
    {
        if (text == null)
            return null;
        ReadOnlySpan<char> s = text.AsSpan().Trim();
        // A trailing comment, as mail and feeds write the zone's name: "… 10:00:00 +0100 (CET)".
        if (s.EndsWith(')') && s.LastIndexOf('(') is int open and > 0)
            s = s[..open].TrimEnd();
        if (inField && (EpochDate(s) ?? BasicIsoDate(s)) is { } fromDigits)
            return fromDigits;
        if (s.Length < 8)
            return null;
        if (s.Length >= 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]))
            return ParseNumeric(s);
        int firstNonDigit = s.IndexOfAnyExceptInRange('0', '9');
        if (firstNonDigit is 1 or 2 && s[firstNonDigit] is '/' or '-' or '.')
            return ParseDayMonthYear(s, order, inField) ?? ParseWords(s, inField); // "3. Dezember 2024"
        return ParseWords(s, inField);
    }

    /// <summary>Seconds (9-10 digits) or milliseconds (12-13 digits) since 1970 as a UTC date;
    /// other digit strings (yyyyMMdd, ids) are not dates. Seconds may carry a fraction, as Python's
    /// <c>time.time()</c> and a JSON number write them (<c>1733247660.123456</c>).</summary>
    private static string? EpochDate(ReadOnlySpan<char> s)
    {
        int dot = s.IndexOf('.');
        if (dot is 9 or 10 && dot + 1 < s.Length && !s[(dot + 1)..].ContainsAnyExceptInRange('0', '9'))
            s = s[..dot];
        if (s.Length is not (9 or 10 or 12 or 13) || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long n))
            return null;
        var time = s.Length <= 10 ? DateTimeOffset.FromUnixTimeSeconds(n) : DateTimeOffset.FromUnixTimeMilliseconds(n);
        return Iso(time.Year, time.Month, time.Day);
    }

    /// <summary>ISO 8601's basic form: <c>yyyyMMdd</c>, <c>yyyyMMddHHmmss</c>, or <c>yyyyMMdd</c> then
    /// 'T' and a time (<c>20190104T100000Z</c>); a time must be one (no hour 25). 9-, 10-, 12- and
    /// 13-digit strings are Unix time (<see cref="EpochDate"/>), which these lengths never are.</summary>
    private static string? BasicIsoDate(ReadOnlySpan<char> s)
    {
        if (s.Length < 8 || s[..8].ContainsAnyExceptInRange('0', '9'))
            return null;
        ReadOnlySpan<char> time = s[8..];
        if (time.Length > 0 && (time[0] is 'T' or 't'))
            time = time[1..].TrimEnd('Z');
        else if (time.Length is not (0 or 6))
            return null;
        if (time.Length > 0 && !(time.Length is 4 or 6 && !time.ContainsAnyExceptInRange('0', '9')
            && Number(time[..2]) < 24 && Number(time[2..4]) < 60 && (time.Length == 4 || Number(time[4..6]) < 60)))
            return null;
        return Iso(Number(s[..4]), Number(s[4..6]), Number(s[6..8]));
    }

    /// <summary>Digits already checked to be digits, as a number.</summary>
    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary><c>a/b/yyyy</c> (or '-', '.'), optionally followed by a valid time: a number over 12
    /// is the day; when both could be the month, <paramref name="order"/> decides or nothing is read.
    /// A month's name between them (<c>04-Jan-2019</c>, Oracle's and spreadsheets' form) is the month.</summary>
    private static string? ParseDayMonthYear(ReadOnlySpan<char> s, DateOrder order, bool inField)
    {
        int pos = 0;
        if (!ReadNumber(s, ref pos, out int a) || pos >= s.Length)
            return null;
        char sep = s[pos];
        if (sep is not ('/' or '-' or '.'))
            return null;
        pos++;
        int b, named = 0;
        if (pos < s.Length && char.IsLetter(s[pos]))
        {
            int nameStart = pos;
            while (pos < s.Length && char.IsLetter(s[pos]))
                pos++;
            named = b = DateWords.Month(s[nameStart..pos], inField);
            if (b == 0 || pos >= s.Length || s[pos] != sep)
                return null;
        }
        else if (!ReadNumber(s, ref pos, out b) || pos >= s.Length || s[pos] != sep)
            return null;
        pos++;
        int yearStart = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            pos++;
        if (pos - yearStart != 4)
            return null;
        int year = Number(s[yearStart..pos]);
        bool monthFirst;
        if (named != 0 || a > 12)
            monthFirst = false;
        else if (b > 12 || a == b)
            monthFirst = true;
        else if (order == DateOrder.Unknown && sep == '.')
            monthFirst = false; // 07.03.2021: dots are written day first wherever they are used
        else if (order == DateOrder.Unknown)
            return null; // 03/04/2021: March or April? Not guessed.
        else
            monthFirst = order == DateOrder.MonthFirst;
        string? iso = monthFirst ? Iso(year, a, b) : Iso(year, b, a);
        if (iso == null || pos == s.Length)
            return iso;
        if (s[pos] is not ('T' or ' ') || pos + 1 >= s.Length || !char.IsAsciiDigit(s[pos + 1]))
            return null;
        return ValidTime(iso, s[(pos + 1)..]) ? iso : null;
    }

    /// <summary>A date in the URL's path: <c>/2024/03/09/</c> (day segment required) or a segment
    /// that is or starts with <c>2024-03-09</c>.</summary>
    public static string? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return null;
        List<string> segments = UrlParts.PathSegments(url);
        for (int i = 0; i < segments.Count; i++)
        {
            string seg = segments[i];
            if (seg.Length == 4 && i + 2 < segments.Count && int.TryParse(seg, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
                && TwoDigits(segments[i + 1], out int month) && TwoDigits(segments[i + 2], out int day))
            {
                string? iso = Iso(year, month, day);
                if (iso != null)
                    return iso;
            }
            if (seg.Length >= 10 && (seg.Length == 10 || !char.IsAsciiDigit(seg[10])))
            {
                string? iso = ParseNumeric(seg.AsSpan(0, 10));
                if (iso != null)
                    return iso;
            }
        }
        return null;
    }

    /// <summary>
    /// A date at the very start of <paramref name="body"/> (within its first 200 characters and on
    /// its first line), like Wikinews' "Friday, January 4, 2019" line.
    /// </summary>
    /// <param name="body">Article body.</param>
    /// <param name="iso">The date, ISO.</param>
    /// <param name="end">Index in <paramref name="body"/> just after the dateline text.</param>
    public static bool TryDateline(string body, out string iso, out int end)
    {
        iso = "";
        end = 0;
        int start = 0;
        while (start < body.Length && char.IsWhiteSpace(body[start]))
            start++;
        int limit = Math.Min(body.Length, start + DatelineWindow);
        int newline = body.IndexOf('\n', start, limit - start);
        if (newline >= 0)
            limit = newline;

        // Token ends on the first line, then try the longest prefix first.
        Span<int> tokenEnds = stackalloc int[DatelineMaxTokens];
        int count = 0;
        for (int i = start; i < limit && count < DatelineMaxTokens;)
        {
            while (i < limit && char.IsWhiteSpace(body[i]))
                i++;
            if (i >= limit)
                break;
            int tokenStart = i;
            while (i < limit && !char.IsWhiteSpace(body[i]))
                i++;
            // A dash or comma standing alone ends the dateline rather than extending it.
            if (body.AsSpan(tokenStart, i - tokenStart).TrimStart(DatelinePunctuation).Length > 0)
                tokenEnds[count++] = i;
        }
        for (int k = count - 1; k >= 0; k--)
        {
            int tokenEnd = tokenEnds[k];
            // A trailing comma or dash belongs to the sentence, not the date.
            string? parsed = Parse(body.AsSpan(start, tokenEnd - start).TrimEnd(DatelinePunctuation).ToString(), DateOrder.Unknown, inField: false);
            if (parsed != null)
            {
                iso = parsed;
                end = tokenEnd;
                return true;
            }
        }
        return false;
    }

    private static string? Iso(int year, int month, int day) =>
        year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}")
            : null;

    private static bool TwoDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        return s.Length is 1 or 2 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>yyyy-MM-dd</c> or <c>yyyy/MM/dd</c> (1-2 digit month/day), optionally followed by a
    /// time (and zone) that must itself be valid.</summary>
    private static string? ParseNumeric(ReadOnlySpan<char> s)
    {
        if (s.Length < 8 || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year))
            return null;
        char sep = s[4];
        if (sep is not ('-' or '/' or '.'))
            return null;
        int pos = 5;
        if (!ReadNumber(s, ref pos, out int month) || pos >= s.Length || s[pos] != sep)
            return null;
        pos++;
        if (!ReadNumber(s, ref pos, out int day))
            return null;
        string? iso = Iso(year, month, day);
        if (iso == null || pos == s.Length)
            return iso;
        // A time must follow: "T10:00:00Z", " 10:00", "T10:00:00.123+05:30". Let the framework
        // validate it on the canonical form, so "2019-01-04T25:99" is rejected.
        if (s[pos] is not ('T' or 't' or ' ') || pos + 1 >= s.Length || !char.IsAsciiDigit(s[pos + 1]))
            return null;
        return ValidTime(iso, s[(pos + 1)..]) ? iso : null;
    }

    /// <summary>Whether <paramref name="time"/> is a valid time of day, with or without a zone
    /// ("10:00", "10:00:00.123+05:30", "23:30:00 UTC", "10:00 EST"), validated by the framework on
    /// the canonical form so "25:99" is not.</summary>
    private static bool ValidTime(string iso, ReadOnlySpan<char> time)
    {
        int space = time.LastIndexOf(' ');
        if (space > 0 && IsZone(time[(space + 1)..]))
            time = time[..space].TrimEnd(); // a zone's name, which the framework does not read: the day is as written
        string canonical = string.Concat(iso, "T", time);
        return DateTimeOffset.TryParse(canonical, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
    }

    private static bool ReadNumber(ReadOnlySpan<char> s, ref int pos, out int value)
    {
        int start = pos;
        while (pos < s.Length && pos - start < 2 && char.IsAsciiDigit(s[pos]))
            pos++;
        if (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            value = 0;
            return false; // three or more digits
        }
        return int.TryParse(s[start..pos], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Word forms: [weekday] (month day | day month) year [time [zone]]; <paramref name="inField"/>,
    /// in the other languages of <see cref="DateWords"/> too, with their little words between the parts.</summary>
    private static string? ParseWords(ReadOnlySpan<char> s, bool inField)
    {
        int month = 0, day = 0, year = 0, index = 0;
        bool timeSeen = false;
        foreach (Range r in s.SplitAny(" \t,\u00A0"))
        {
            ReadOnlySpan<char> token = s[r].TrimEnd('.');
            if (token.IsEmpty)
                continue;
            int i = index++;
            if (i > 0 && inField && DateWords.IsFiller(token))
                continue; // "3 de diciembre de 2024", "2024 г.", "um 17:41 Uhr"
            if (year != 0)
            {
                // After the year only a time and then a zone may follow.
                if (!timeSeen && IsClockTime(token))
                    timeSeen = true;
                else if (!(timeSeen && IsZone(token)))
                    return null;
            }
            else if (i == 0 && DateWords.IsWeekday(token, inField))
                continue;
            else if (month == 0 && DateWords.Month(token, inField) is int m and > 0)
                month = m;
            else if (day == 0 && ParseDay(token) is int d and > 0 && token.Length <= 4)
                day = d;
            else if (month != 0 && day != 0 && token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int y))
                year = y;
            else
                return null;
        }
        return year != 0 ? Iso(year, month, day) : null;
    }

    /// <summary>A time of day after the date: "10:00", "5:41", or French "17h41".</summary>
    private static bool IsClockTime(ReadOnlySpan<char> token)
    {
        if (!char.IsAsciiDigit(token[0]))
            return false;
        if (token.Contains(':'))
            return true;
        int h = token.IndexOf('h');
        return h is 1 or 2 && !token[..h].ContainsAnyExceptInRange('0', '9') && token.Length - h - 1 is 0 or 2
            && !token[(h + 1)..].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>"4", "04", "4th", "1st", "22nd", "23rd"; French "1er", Spanish and Portuguese "1º".</summary>
    private static int ParseDay(ReadOnlySpan<char> token)
    {
        int digits = 0;
        while (digits < token.Length && char.IsAsciiDigit(token[digits]))
            digits++;
        if (digits is 0 or > 2)
            return 0;
        ReadOnlySpan<char> suffix = token[digits..];
        if (!(suffix.IsEmpty || suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
              || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
              || suffix.Equals("er", StringComparison.OrdinalIgnoreCase) || suffix is "º" or "°"))
            return 0;
        return Number(token[..digits]);
    }

    /// <summary>GMT, UTC, Z, +0000, -05:00, or an abbreviation like EST/BST.</summary>
    private static bool IsZone(ReadOnlySpan<char> token)
    {
        if (token[0] is '+' or '-')
        {
            foreach (char c in token[1..])
                if (!char.IsAsciiDigit(c) && c != ':')
                    return false;
            return token.Length >= 3;
        }
        if (token.Length > 5)
            return false;
        foreach (char c in token)
            if (!char.IsAsciiLetterUpper(c))
                return false;
        return true;
    }
}
