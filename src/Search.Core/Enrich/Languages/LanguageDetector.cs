using Lingua;

namespace Search.Core.Enrich.Languages;

/// <summary>
/// The language of an article's text as an ISO 639-1 code, or <see cref="LanguageCodes.Undetermined"/>.
/// Reads a bounded sample (the title and the start of the body: a language does not change
/// half-way through a news article, and the whole of a long one costs time for nothing), then
/// settles it as cheaply as the text allows:
/// <list type="number">
/// <item>too few letters to tell: undetermined;</item>
/// <item>a script that one language writes alone (Hangul, kana, Han, Greek, Hebrew, Thai…): that language;</item>
/// <item>Latin text whose words are mostly English function words (<see cref="EnglishShortcut"/>):
/// English, without the statistical model (most archives are mostly English, and this keeps their
/// build fast);</item>
/// <item>anything else: Lingua's n-gram models (75 languages), its verdict worked out by
/// <see cref="TrigramVerdict"/> where it can (Latin and Cyrillic text); a language other than
/// English named for Latin text that is mostly figures counts only when its function words back
/// it (<see cref="FigureTables"/>).</item>
/// </list>
/// Thread-safe: one instance serves every adding thread.
/// </summary>
public sealed class LanguageDetector
{
    /// <summary>Characters of the body read after the title.</summary>
    public const int SampleChars = 1200;

    /// <summary>Fewer letters than this say nothing reliable about a language.</summary>
    public const int MinLetters = 12;

    /// <summary>Below this many letters of unaccented Latin text, Lingua's trigram models (low
    /// accuracy mode, which its authors recommend only from about 120 characters) guess: a
    /// three-word abstract title, "electronic digital computers", comes out as Latin, and one
    /// that says "on a" as Finnish. Such a guess is undetermined, which is analysed as English
    /// (the analysis every other undetermined text gets).</summary>
    public const int ShortPlainLatinLetters = 120;

    private static readonly Lazy<LanguageDetector> Shared = new(() => new LanguageDetector());

    /// <summary>The one detector of the process (Lingua's models load once, on first need).</summary>
    public static LanguageDetector Default => Shared.Value;

    private readonly Lingua.LanguageDetector _lingua;
    private readonly TrigramVerdict? _trigrams;

    public LanguageDetector(bool lowAccuracy = true)
    {
        var builder = LanguageDetectorBuilder.FromAllLanguages();
        if (lowAccuracy)
            builder = builder.WithLowAccuracyMode();
        _lingua = builder.Build();
        _trigrams = lowAccuracy ? TrigramVerdict.Default : null;
    }

    /// <summary>The language of an article with this title and body.</summary>
    public string Detect(string title, string body)
    {
        string sample = Sample(title, body);
        var scripts = ScriptCounts.Of(sample);
        if (WithoutModel(sample, scripts) is string settled)
            return settled;
        string guess = ByLingua(sample);
        if (guess is "en" or LanguageCodes.Undetermined)
            return guess;
        return ShortPlainLatin(scripts) || (scripts.MostlyLatin && FigureTables.Unsupported(sample, guess)) ? LanguageCodes.Undetermined : guess;
    }

    /// <summary>Unaccented Latin text too short for Lingua's verdict to mean much (<see cref="ShortPlainLatinLetters"/>).</summary>
    private static bool ShortPlainLatin(ScriptCounts scripts) => scripts.PlainLatin && scripts.Letters < ShortPlainLatinLetters;

    /// <summary>The language when the cheap checks settle it, else null (Lingua must be asked).</summary>
    internal static string? WithoutModel(string sample) => WithoutModel(sample, ScriptCounts.Of(sample));

    private static string? WithoutModel(string sample, ScriptCounts scripts)
    {
        if (scripts.Letters < MinLetters)
            return LanguageCodes.Undetermined;
        if (scripts.SingleLanguage() is string byScript)
            return byScript;
        return EnglishShortcut.Applies(sample, scripts) ? "en" : null;
    }

    /// <summary>Lingua's verdict alone (no shortcut), for measuring the shortcuts against it:
    /// worked out by <see cref="TrigramVerdict"/> where it can, which names what Lingua names.</summary>
    internal string ByLingua(string sample) => Code(_trigrams?.Detect(sample) ?? _lingua.DetectLanguageOf(sample));

    /// <summary>Lingua's own code's verdict, for measuring <see cref="TrigramVerdict"/> against it.</summary>
    internal string ByLinguaItself(string sample) => Code(_lingua.DetectLanguageOf(sample));

    private static string Code(Language language) => language == Language.Unknown
        ? LanguageCodes.Undetermined
        : language.IsoCode6391().ToString().ToLower(CultureInfo.InvariantCulture);

    /// <summary>The title and the body's first <see cref="SampleChars"/> characters, cut at a space.</summary>
    internal static string Sample(string title, string body)
    {
        if (body.Length <= SampleChars)
            return title.Length == 0 ? body : string.Concat(title, "\n", body);
        int cut = body.LastIndexOf(' ', SampleChars);
        var head = body.AsSpan(0, cut > SampleChars / 2 ? cut : SampleChars);
        // One string of title and the body's head (a cut body and then a joined copy were two per article).
        return title.Length == 0 ? head.ToString() : string.Concat(title.AsSpan(), "\n", head);
    }
}
