using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Bg;
using Lucene.Net.Analysis.Cz;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.El;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Hi;
using Lucene.Net.Analysis.Hu;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Search.Core.Indexing.Analysis.Languages;

/// <summary>
/// Which analysis each language gets. English, undetermined text (<c>und</c>) and a missing
/// language keep the English analysis of <see cref="ArticleAnalyzer"/> unchanged; the languages
/// below get their own <see cref="LanguageChain"/>; any other language is lower-cased and folded
/// only (<see cref="Plain"/>): English stop words and stemming would be wrong for it, and
/// Analysis.Common has nothing better.
/// </summary>
public static class LanguageChains
{
    /// <summary>The analysis key of articles analysed as English.</summary>
    public const string English = "en";

    /// <summary>Every language with a chain of its own, by ISO 639-1 code.</summary>
    public static readonly IReadOnlyDictionary<string, LanguageChain> ByCode = Build();

    /// <summary>Lower case and folding only: languages Analysis.Common has no stemmer or stop list for.</summary>
    public static readonly LanguageChain Plain = new("*", "other languages", null, null);

    /// <summary>The analysis key of an article in <paramref name="language"/>: <see cref="English"/>,
    /// a code of <see cref="ByCode"/>, or <see cref="Plain"/>'s <c>*</c>.</summary>
    public static string KeyOf(string? language)
    {
        if (string.IsNullOrEmpty(language) || language is English or "und")
            return English;
        if (language is "nb" or "nn")
            return "no";
        return ByCode.ContainsKey(language) ? language : Plain.Code;
    }

    /// <summary>The chain of an analysis key; null for <see cref="English"/>.</summary>
    public static LanguageChain? Chain(string key) =>
        key == English ? null : ByCode.TryGetValue(key, out var chain) ? chain : Plain;

    private static Func<TokenStream, TokenStream> Snow(Func<Lucene.Net.Tartarus.Snowball.SnowballProgram> stemmer) =>
        s => new SnowballFilter(s, stemmer());

    private static Dictionary<string, LanguageChain> Build()
    {
        var all = new LanguageChain[]
        {
            new("de", "German", s => new GermanLightStemFilter(s), Snow(() => new German2Stemmer())),
            new("fr", "French", s => new FrenchLightStemFilter(s), Snow(() => new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer()), Elision: true),
            new("es", "Spanish", s => new SpanishLightStemFilter(s), Snow(() => new SpanishStemmer())),
            new("it", "Italian", s => new ItalianLightStemFilter(s), Snow(() => new ItalianStemmer()), Elision: true),
            new("pt", "Portuguese", s => new PortugueseLightStemFilter(s), Snow(() => new Lucene.Net.Tartarus.Snowball.Ext.PortugueseStemmer())),
            new("nl", "Dutch", null, Snow(() => new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer())),
            new("sv", "Swedish", s => new SwedishLightStemFilter(s), Snow(() => new SwedishStemmer())),
            new("da", "Danish", null, Snow(() => new DanishStemmer())),
            new("no", "Norwegian", s => new NorwegianLightStemFilter(s), Snow(() => new NorwegianStemmer())),
            new("fi", "Finnish", s => new FinnishLightStemFilter(s), Snow(() => new FinnishStemmer())),
            new("hu", "Hungarian", s => new HungarianLightStemFilter(s), Snow(() => new HungarianStemmer())),
            new("ro", "Romanian", null, Snow(() => new RomanianStemmer())),
            new("tr", "Turkish", null, Snow(() => new TurkishStemmer()), Casing.Turkish),
            new("cs", "Czech", s => new CzechStemFilter(s), null),
            new("ru", "Russian", s => new RussianLightStemFilter(new RussianMyaNouns(s)), s => new SnowballFilter(new RussianMyaNouns(s), new RussianStemmer()), Letters: s => new RussianYo(s)),
            new("bg", "Bulgarian", s => new BulgarianStemFilter(s), null),
            new("el", "Greek", s => new GreekStemFilter(s), null, Casing.Greek),
            new("ar", "Arabic", s => new ArabicStemFilter(new ArabicNormalizationFilter(s)), null, StemsKeepStart: false),
            // As Lucene's PersianAnalyzer: Persian text is typed with the Arabic yeh and kaf as often as the Persian ones.
            new("fa", "Persian", null, null, Letters: s => new PersianNormalizationFilter(new ArabicNormalizationFilter(s))),
            new("hi", "Hindi", s => new HindiStemFilter(new HindiNormalizationFilter(s)), null),
            new("zh", "Chinese", null, null, Bigrams: true),
            new("ja", "Japanese", null, null, Bigrams: true),
            new("ko", "Korean", null, null, Bigrams: true),
        };
        return all.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }
}
