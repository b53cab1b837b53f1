using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Bg;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cz;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.El;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Hi;
using Lucene.Net.Analysis.Hu;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ro;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Analysis.Util;

namespace Search.Core.Enrich.Languages;

/// <summary>
/// The stop lists of Analysis.Common by ISO 639-1 code (English apart: its list belongs to the
/// English analysis), in one table that both their users read: the index drops these words from a
/// language's full text (<c>Indexing/Analysis/Languages/LanguageChains</c>), and language detection
/// counts the Latin-script ones to tell English from the others (<see cref="OtherLatinStopWords"/>).
/// A language added here is stop-filtered and detected with the same words.
/// </summary>
public static class StopWordLists
{
    /// <summary>The languages written in Latin script.</summary>
    public static readonly IReadOnlyDictionary<string, CharArraySet> LatinScript = new Dictionary<string, CharArraySet>(StringComparer.Ordinal)
    {
        { "de", GermanAnalyzer.DefaultStopSet }, { "fr", FrenchAnalyzer.DefaultStopSet }, { "es", SpanishAnalyzer.DefaultStopSet },
        { "it", ItalianAnalyzer.DefaultStopSet }, { "pt", PortugueseAnalyzer.DefaultStopSet }, { "nl", DutchAnalyzer.DefaultStopSet },
        { "sv", SwedishAnalyzer.DefaultStopSet }, { "da", DanishAnalyzer.DefaultStopSet }, { "no", NorwegianAnalyzer.DefaultStopSet },
        { "fi", FinnishAnalyzer.DefaultStopSet }, { "hu", HungarianAnalyzer.DefaultStopSet }, { "ro", RomanianAnalyzer.DefaultStopSet },
        { "tr", TurkishAnalyzer.DefaultStopSet }, { "cs", CzechAnalyzer.DefaultStopSet },
    };

    /// <summary>The languages written in other scripts (Chinese, Japanese and Korean share the CJK list).</summary>
    public static readonly IReadOnlyDictionary<string, CharArraySet> OtherScripts = new Dictionary<string, CharArraySet>(StringComparer.Ordinal)
    {
        { "ru", RussianAnalyzer.DefaultStopSet }, { "bg", BulgarianAnalyzer.DefaultStopSet }, { "el", GreekAnalyzer.DefaultStopSet },
        { "ar", ArabicAnalyzer.DefaultStopSet }, { "fa", PersianAnalyzer.DefaultStopSet }, { "hi", HindiAnalyzer.DefaultStopSet },
        { "zh", CJKAnalyzer.DefaultStopSet }, { "ja", CJKAnalyzer.DefaultStopSet }, { "ko", CJKAnalyzer.DefaultStopSet },
    };

    /// <summary>The stop list of <paramref name="code"/>; null when Analysis.Common has none.</summary>
    public static CharArraySet? Of(string code) =>
        LatinScript.TryGetValue(code, out var latin) ? latin : OtherScripts.GetValueOrDefault(code);
}
