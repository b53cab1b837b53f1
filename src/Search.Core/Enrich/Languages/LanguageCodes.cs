namespace Search.Core.Enrich.Languages;

/// <summary>ISO 639-1 codes: what a source declares (<c>en-GB</c>, <c>de_AT</c>, <c>deu</c>,
/// <c>German</c>) reduced to the two-letter code the <c>language</c> facet holds; a code of a language the
/// detector does not know (75 are known) is <see cref="Undetermined"/>, as detection would make it.</summary>
public static class LanguageCodes
{
    /// <summary>Undetermined (ISO 639-2 <c>und</c>): too little text, or a value no code stands for.</summary>
    public const string Undetermined = "und";

    /// <summary>The two-letter code a declared value stands for; <see cref="Undetermined"/> for a
    /// value that names no language; null for an empty value (nothing declared).</summary>
    public static string? Normalize(string? declared)
    {
        string value = (declared ?? "").Trim();
        if (value.Length == 0)
            return null;
        // A region or script subtag after the language: en-GB, de_AT, zh-Hans-CN.
        int cut = value.IndexOfAny(['-', '_', ' ', ',', ';']);
        string head = (cut > 0 ? value[..cut] : value).ToLowerInvariant();
        if (head == Undetermined || head == "mul" || head == "zxx")
            return Undetermined;
        if (head.Length == 2 && head.All(char.IsAsciiLetterLower) && Known(head))
            return head;
        if (head.Length == 3 && ThreeLetter.TryGetValue(head, out string? two))
            return two;
        // A name, alone or with its region as a CMS's menu gives it: "English (UK)", "Español (España)".
        return Names.TryGetValue(value.ToLowerInvariant(), out string? named) || Names.TryGetValue(head, out named) ? named : Undetermined;
    }

    /// <summary>A code of one of the 75 languages the detector knows (<see cref="Lingua.IsoCode6391"/>).</summary>
    private static bool Known(string code) =>
        Enum.TryParse<Lingua.IsoCode6391>(code, ignoreCase: true, out var iso) && iso != Lingua.IsoCode6391.None;

    /// <summary>ISO 639-2/3 codes of the languages a news archive most often declares that way.</summary>
    private static readonly Dictionary<string, string> ThreeLetter = new()
    {
        ["eng"] = "en", ["deu"] = "de", ["ger"] = "de", ["rus"] = "ru", ["fra"] = "fr", ["fre"] = "fr",
        ["spa"] = "es", ["ita"] = "it", ["por"] = "pt", ["nld"] = "nl", ["dut"] = "nl", ["swe"] = "sv",
        ["nor"] = "no", ["nob"] = "nb", ["dan"] = "da", ["fin"] = "fi", ["pol"] = "pl", ["ces"] = "cs",
        ["cze"] = "cs", ["tur"] = "tr", ["ara"] = "ar", ["zho"] = "zh", ["chi"] = "zh", ["jpn"] = "ja",
        ["kor"] = "ko", ["ukr"] = "uk", ["ell"] = "el", ["gre"] = "el", ["hun"] = "hu", ["ron"] = "ro",
        ["rum"] = "ro", ["bul"] = "bg", ["fas"] = "fa", ["per"] = "fa", ["hin"] = "hi", ["cat"] = "ca",
    };

    /// <summary>Language names in English and in the language itself.</summary>
    private static readonly Dictionary<string, string> Names = new()
    {
        ["english"] = "en", ["german"] = "de", ["deutsch"] = "de", ["russian"] = "ru", ["русский"] = "ru",
        ["french"] = "fr", ["français"] = "fr", ["francais"] = "fr", ["spanish"] = "es", ["español"] = "es",
        ["italian"] = "it", ["italiano"] = "it", ["portuguese"] = "pt", ["português"] = "pt", ["dutch"] = "nl",
        ["nederlands"] = "nl", ["swedish"] = "sv", ["svenska"] = "sv", ["chinese"] = "zh", ["中文"] = "zh",
        ["japanese"] = "ja", ["日本語"] = "ja", ["korean"] = "ko", ["한국어"] = "ko", ["arabic"] = "ar",
        ["turkish"] = "tr", ["türkçe"] = "tr", ["polish"] = "pl", ["polski"] = "pl", ["ukrainian"] = "uk",
    };
}
