using Lucene.Net.Analysis.En;

namespace Search.Core.Enrich.Languages;

/// <summary>
/// The stop words of the Latin-script languages other than English that Analysis.Common knows
/// (<see cref="StopWordLists.LatinScript"/>),
/// used to tell whether a Latin text with few English function words is English after all: wire
/// copy in capitals, tables and tickers fall short of <see cref="EnglishShortcut.EnglishShare"/>,
/// and asking Lingua about one of them loads every language model (about a second and 160 MB,
/// once per process), which is most of what detection costs an English build.
/// </summary>
internal static class OtherLatinStopWords
{
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
        int other = StopWordLists.LatinScript.Values.Max(set => words.Count(w => set.Contains(w)));
        return english >= share * words.Count && english >= 2 * other;
    }
}
