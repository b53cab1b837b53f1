namespace Search.Core.Ingest;

/// <summary>
/// The words of a date written out, for <see cref="DateParsing"/>: month and weekday names in
/// English, and, for a field that holds a date, in the other languages a newsroom's exports come
/// in (German, French, Spanish, Italian, Portuguese, Dutch, Russian: "3. Dezember 2024",
/// "mardi 3 décembre 2024", "3 de diciembre de 2024", "3 декабря 2024 г."), with the little words
/// those languages put between the parts ("de", "г.", "um … Uhr").
/// </summary>
internal static class DateWords
{
    private static readonly string[] EnglishMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] EnglishWeekdays =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Each month's names in the other languages, full (and inflected: Russian writes the
    /// day's month in the genitive) and in the usual abbreviations that are not the start of a full
    /// name ("mrt", "sept").</summary>
    private static readonly string[][] OtherMonths =
    [
        ["januar", "jänner", "janvier", "janv", "enero", "gennaio", "janeiro", "januari", "января", "январь", "янв"],
        ["februar", "février", "fevrier", "févr", "febrero", "febbraio", "fevereiro", "februari", "февраля", "февраль", "фев", "февр"],
        ["märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt", "марта", "март", "мар"],
        ["avril", "abril", "aprile", "апреля", "апрель", "апр"],
        ["mai", "mayo", "maggio", "maio", "mei", "мая", "май"],
        ["juni", "juin", "junio", "giugno", "junho", "июня", "июнь", "июн"],
        ["juli", "juillet", "juil", "julio", "luglio", "julho", "июля", "июль", "июл"],
        ["august", "août", "aout", "agosto", "augustus", "августа", "август", "авг"],
        ["september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "сентября", "сентябрь", "сен", "сент"],
        ["oktober", "octobre", "octubre", "ottobre", "outubro", "октября", "октябрь", "окт"],
        ["november", "novembre", "noviembre", "novembro", "ноября", "ноябрь", "ноя", "нояб"],
        ["dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "december", "декабря", "декабрь", "дек"],
    ];

    /// <summary>Weekdays in the other languages, full names only: their abbreviations ("mar",
    /// "mer", "sab") are too often a month's or another word's.</summary>
    private static readonly HashSet<string> OtherWeekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi", "venerdì", "venerdi", "sabato", "domenica",
        "segunda-feira", "terça-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    };

    /// <summary>Words between a date's parts that say nothing of it: Spanish and Portuguese "3 de
    /// diciembre de 2024"; Russian "2024 г." / "2024 года" after the year; the word before a time
    /// ("um", "à", "a las", "às", "alle", "om", "в") and after it ("Uhr", "h").</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "del", "г", "года", "год", "um", "à", "a", "las", "às", "alle", "ore", "om", "в", "uhr", "h",
    };

    /// <summary>The month (1-12) <paramref name="token"/> names, or 0. English names full or
    /// abbreviated (at least 3 letters: "Jan", "Sept"); with <paramref name="anyLanguage"/>, the
    /// other languages' names too, and an abbreviation of them only when it starts one month's names
    /// alone ("juil", not "jui": juin or juillet?).</summary>
    public static int Month(ReadOnlySpan<char> token, bool anyLanguage)
    {
        int english = IndexOfPrefix(token, EnglishMonths);
        if (english >= 0 || !anyLanguage || token.Length < 3)
            return english + 1;
        int found = 0;
        for (int m = 0; m < OtherMonths.Length; m++)
            foreach (string name in OtherMonths[m])
                if (token.Length <= name.Length && name.AsSpan().StartsWith(token, StringComparison.OrdinalIgnoreCase))
                {
                    if (token.Length == name.Length)
                        return m + 1;
                    if (found != 0 && found != m + 1)
                        return 0; // the start of two months' names
                    found = m + 1;
                }
        return found;
    }

    /// <summary>Whether <paramref name="token"/> is a weekday: English full or abbreviated ("Thu",
    /// "Tues"), or, with <paramref name="anyLanguage"/>, another language's full name.</summary>
    public static bool IsWeekday(ReadOnlySpan<char> token, bool anyLanguage) =>
        IndexOfPrefix(token, EnglishWeekdays) >= 0
        || (anyLanguage && OtherWeekdays.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token));

    /// <summary>Whether <paramref name="token"/> is one of the <see cref="Fillers"/>, which a date in
    /// another language than English may have.</summary>
    public static bool IsFiller(ReadOnlySpan<char> token) => Fillers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token);

    /// <summary>Full name or an abbreviation of at least 3 letters.</summary>
    private static int IndexOfPrefix(ReadOnlySpan<char> token, string[] names)
    {
        if (token.Length < 3)
            return -1;
        for (int i = 0; i < names.Length; i++)
            if (token.Length <= names[i].Length && names[i].AsSpan().StartsWith(token, StringComparison.OrdinalIgnoreCase))
                return i;
        return -1;
    }
}
