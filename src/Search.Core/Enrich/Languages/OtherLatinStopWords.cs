using Lucene.Net.Analysis.Cz;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Hu;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ro;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Analysis.Util;

namespace Search.Core.Enrich.Languages;

/// <summary>
/// The stop words of the Latin-script languages other than English that Analysis.Common knows,
/// used to tell whether a Latin text with few English function words is English after all: wire
/// copy in capitals, tables and tickers fall short of <see cref="LanguageDetector.EnglishShare"/>,
/// and asking Lingua about one of them loads every language model (about a second and 160 MB,
/// once per process), which is most of what detection costs an English build.
/// </summary>
internal static class OtherLatinStopWords
{
    private static readonly CharArraySet[] Sets =
    {
        GermanAnalyzer.DefaultStopSet, FrenchAnalyzer.DefaultStopSet, SpanishAnalyzer.DefaultStopSet,
        ItalianAnalyzer.DefaultStopSet, PortugueseAnalyzer.DefaultStopSet, DutchAnalyzer.DefaultStopSet,
        SwedishAnalyzer.DefaultStopSet, DanishAnalyzer.DefaultStopSet, NorwegianAnalyzer.DefaultStopSet,
        FinnishAnalyzer.DefaultStopSet, HungarianAnalyzer.DefaultStopSet, RomanianAnalyzer.DefaultStopSet,
        TurkishAnalyzer.DefaultStopSet, CzechAnalyzer.DefaultStopSet,
    };

    /// <summary>First-person words, which carry interviews and quotes ("I can't even tell you").</summary>
    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal) { "i", "me", "my", "we", "us", "can't", "didn't", "don't" };

    /// <summary>Whether English's stop words (Lucene's list, which keeps "a", "in", "is" that the
    /// fast check leaves out, with the fast check's words and first-person words) are at least <paramref name="share"/> of <paramref name="text"/>'s words
    /// and at least twice as frequent as any one other Latin-script language's.</summary>
    public static bool EnglishLeads(string text, double share)
    {
        var words = WordSpans.Words(text).Select(w => w.ToLowerInvariant()).ToList();
        if (words.Count == 0)
            return false;
        int english = words.Count(w => EnglishAnalyzer.DefaultStopSet.Contains(w) || EnglishWords.Contains(w) || FirstPerson.Contains(w));
        int other = Sets.Max(set => words.Count(w => set.Contains(w)));
        return english >= share * words.Count && english >= 2 * other;
    }
}
