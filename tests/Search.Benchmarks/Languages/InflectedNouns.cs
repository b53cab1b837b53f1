using System.Text.RegularExpressions;

namespace Search.Benchmarks.Languages;

/// <summary>A noun and its inflected forms, written out from the grammar (not from any stemmer).</summary>
public sealed record InflectedNoun(string Language, string Lemma, IReadOnlyList<string> Forms);

/// <summary>
/// The nouns whose forms must find each other (issue 23). Chosen without looking at any stemmer:
/// the ten most frequent common nouns of each set, by the number of articles holding them
/// (German: capitalised words not at a sentence start; Russian: words of five letters or more;
/// proper nouns, weekdays and non-nouns skipped, and человек, which Snowball's Russian stop list
/// holds (it counts people: "50 человек"), replaced by the next noun, власть), plus the issue's own examples
/// (Kind, министр, город). Forms are the full declension; German forms are matched with their
/// capital (German nouns are capitalised), Russian ones in any case.
/// </summary>
public static partial class InflectedNouns
{
    // Declared before the lists that use them (static fields initialise in order).
    private static readonly string[] MasculineEndings = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"];
    private static readonly string[] FeminineEndings = ["а", "ы", "е", "у", "ой", "ою", "", "ам", "ами", "ах"];

    public static readonly IReadOnlyList<InflectedNoun> German =
    [
        new("de", "Jahr", ["Jahr", "Jahres", "Jahrs", "Jahre", "Jahren"]),
        new("de", "Mensch", ["Mensch", "Menschen"]),
        new("de", "Ende", ["Ende", "Endes", "Enden"]),
        new("de", "Zeit", ["Zeit", "Zeiten"]),
        new("de", "Regierung", ["Regierung", "Regierungen"]),
        new("de", "Land", ["Land", "Landes", "Lande", "Länder", "Ländern"]),
        new("de", "Fall", ["Fall", "Falles", "Falls", "Fälle", "Fällen"]),
        new("de", "Angabe", ["Angabe", "Angaben"]),
        new("de", "Woche", ["Woche", "Wochen"]),
        new("de", "Teil", ["Teil", "Teils", "Teiles", "Teile", "Teilen"]),
        new("de", "Kind", ["Kind", "Kindes", "Kinds", "Kinde", "Kinder", "Kindern"]),
    ];

    public static readonly IReadOnlyList<InflectedNoun> Russian =
    [
        new("ru", "время", ["время", "времени", "временем", "времена", "времён", "времен", "временам", "временами", "временах"]),
        new("ru", "президент", Masculine("президент")),
        new("ru", "страна", Feminine("стран")),
        new("ru", "глава", Feminine("глав")),
        new("ru", "компания", ["компания", "компании", "компанию", "компанией", "компаний", "компаниям", "компаниями", "компаниях"]),
        new("ru", "доллар", Masculine("доллар")),
        new("ru", "работа", Feminine("работ")),
        new("ru", "сторона", Feminine("сторон")),
        new("ru", "часть", ["часть", "части", "частью", "частей", "частям", "частями", "частях"]),
        new("ru", "власть", ["власть", "власти", "властью", "властей", "властям", "властями", "властях"]),
        new("ru", "министр", Masculine("министр")),
        new("ru", "город", ["город", "города", "городу", "городом", "городе", "городов", "городам", "городами", "городах"]),
    ];

    public static IEnumerable<InflectedNoun> All => German.Concat(Russian);

    /// <summary>
    /// Nouns of another language spelled like a form of a listed noun: unfiltered, a typed word is
    /// a noun of every language that writes it so (German `Kind` child, English `kind` sort), and
    /// "the articles that contain any form of it" are then those of each such noun, each in its
    /// own language (the third protocol of docs/languages.md). Written from dictionaries, not from
    /// the index: every listed German form checked against English nouns (Russian forms are Cyrillic,
    /// no English noun), noun forms only (the adjective's `kinder`, the verb's `fell`, `landed` are
    /// other words).
    /// </summary>
    public static readonly IReadOnlyList<InflectedNoun> SpelledAlike =
    [
        new("en", "fall", ["fall", "falls"]),
        new("en", "kind", ["kind", "kinds"]),
        new("en", "land", ["land", "lands"]),
        new("en", "mensch", ["mensch", "mensches"]),
    ];

    /// <summary>The nouns of other languages than <paramref name="noun"/>'s that <paramref name="form"/> is a form of.</summary>
    public static IEnumerable<InflectedNoun> SpelledAs(InflectedNoun noun, string form) =>
        SpelledAlike.Where(n => n.Language != noun.Language && n.Forms.Contains(form, StringComparer.OrdinalIgnoreCase));

    /// <summary>A hard-stem masculine noun: президент, президента, … президентах.</summary>
    private static string[] Masculine(string stem) =>
        MasculineEndings.Select(e => stem + e).ToArray();

    /// <summary>A hard-stem feminine noun in -а: страна, страны, … странах, and the bare plural genitive.</summary>
    private static string[] Feminine(string stem) =>
        FeminineEndings.Select(e => stem + e).ToArray();

    /// <summary>Which of <paramref name="texts"/> (by index) hold any form of <paramref name="noun"/> as a word.</summary>
    public static HashSet<int> Holding(InflectedNoun noun, IReadOnlyList<string> texts)
    {
        var forms = noun.Language == "de"
            ? noun.Forms.ToHashSet(StringComparer.Ordinal)
            : noun.Forms.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var holding = new HashSet<int>();
        for (int i = 0; i < texts.Count; i++)
            foreach (Match word in Word().Matches(texts[i]))
                if (forms.Contains(word.Value))
                {
                    holding.Add(i);
                    break;
                }
        return holding;
    }

    /// <summary>The words of <paramref name="text"/> as <see cref="Holding"/> reads them.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
