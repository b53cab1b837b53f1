using System.Buffers;
using System.Reflection;
using System.Text.RegularExpressions;
using Lingua;

namespace Search.Core.Enrich.Languages;

/// <summary>
/// The language Lingua's detector (every language, low-accuracy mode) names for a text, worked out
/// from Lingua's own models and rule tables in a tenth of the time or less: Lingua makes a string
/// for every n-gram it looks up and looks each up in one dictionary per candidate language (about
/// 10 ms an article of 1,200 characters, most of a non-English article's build); here a text's
/// n-grams are looked up once for all the languages (<see cref="LinguaModels"/>). For text in the
/// Latin and Cyrillic scripts, where Lingua's first rule cannot name a language (at most half the
/// words hold a letter that one language alone writes); null for anything else, which Lingua then
/// reads itself. The verdicts are Lingua's on every text of the labelled sets
/// (<c>TrigramVerdictTests</c>; docs/languages.md).
/// </summary>
internal sealed partial class TrigramVerdict
{
    private static readonly Lazy<TrigramVerdict?> Shared = new(Create);

    /// <summary>One for the process, or null when this Lingua lacks what it reads (another version).</summary>
    public static TrigramVerdict? Default => Shared.Value;

    private readonly HashSet<char> _uniqueCharacters;
    private readonly (string Characters, Language[] Languages)[] _characterRules;
    private readonly SearchValues<char> _ruleCharacters;
    private readonly Language[] _latin;
    private readonly Language[] _cyrillic;
    private readonly Lazy<LinguaModels?> _latinModels;
    private readonly Lazy<LinguaModels?> _cyrillicModels;

    private TrigramVerdict(HashSet<char> uniqueCharacters, (string, Language[])[] characterRules)
    {
        _uniqueCharacters = uniqueCharacters;
        _characterRules = characterRules;
        _ruleCharacters = SearchValues.Create(string.Concat(characterRules.Select(r => r.Item1)));
        _latin = [.. LanguageInfo.AllWithLatinScript().Order()];
        _cyrillic = [.. LanguageInfo.AllWithCyrillicScript().Order()];
        // Read once, on the first article of the script (an English archive never reads them).
        _latinModels = new(() => LinguaModels.Read(_latin));
        _cyrillicModels = new(() => LinguaModels.Read(_cyrillic));
    }

    /// <summary>Null when this Lingua does not hold the rule table (a private field, read once) or its
    /// models are not beside the program.</summary>
    private static TrigramVerdict? Create()
    {
        var field = typeof(Lingua.LanguageDetector).GetField("CharsToLanguagesMapping", BindingFlags.NonPublic | BindingFlags.Static);
        if (field?.GetValue(null) is not Dictionary<string, HashSet<Language>> rules || !System.IO.Directory.Exists(LinguaModels.Directory))
            return null;
        var unique = new HashSet<char>();
        foreach (var language in LanguageInfo.All())
            foreach (char c in language.UniqueCharacters() ?? "")
                unique.Add(c);
        return new TrigramVerdict(unique, [.. rules.Select(r => (r.Key, r.Value.ToArray()))]);
    }

    /// <summary>The language Lingua would name for this text (<see cref="Language.Unknown"/> when it
    /// would name none), or null when this text needs Lingua itself.</summary>
    public Language? Detect(string text)
    {
        string cleaned = Whitespace().Replace(Digits().Replace(Punctuation().Replace(text.Trim().ToLowerInvariant(), ""), ""), " ");
        var words = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        // Lingua's alphabet rule: each word whose characters are all of one script counts its
        // length for that script, and the languages of the script with the larger count are the
        // candidates. A letter of any other script, or a tie, leaves it to Lingua.
        int latin = 0, cyrillic = 0, known = 0;
        foreach (string word in words)
        {
            bool unique = false;
            UnicodeScript? wordScript = null;
            bool pure = true;
            foreach (char c in word)
            {
                if (_uniqueCharacters.Contains(c))
                    unique = true;
                var s = UnicodeScriptInfo.GetScript(c);
                if (s is UnicodeScript.Latin or UnicodeScript.Cyrillic)
                {
                    pure &= wordScript == null || wordScript == s;
                    wordScript = s;
                }
                else if (char.IsLetter(c))
                    return null;
                else
                    pure = false;
            }
            if (unique)
                known++;
            if (pure && wordScript == UnicodeScript.Latin)
                latin += word.Length;
            else if (pure && wordScript == UnicodeScript.Cyrillic)
                cyrillic += word.Length;
        }
        // Lingua's first rule names a language only when more than half the words carry a letter
        // one language alone writes; with at most half, it names none.
        if (latin == cyrillic || 2 * known >= words.Length)
            return null;
        var script = latin > cyrillic ? UnicodeScript.Latin : UnicodeScript.Cyrillic;
        var candidates = Candidates(words, script == UnicodeScript.Latin ? _latin : _cyrillic);
        if (candidates.Count == 1)
            return candidates[0];
        return Score(cleaned, candidates, script);
    }

    /// <summary>Lingua's second rule: the languages of the script, narrowed to those whose
    /// characteristic letters appear in at least half the words, when any does.</summary>
    private List<Language> Candidates(string[] words, Language[] ofScript)
    {
        var counts = new Dictionary<Language, int>();
        var marked = words.Where(w => w.AsSpan().ContainsAny(_ruleCharacters)).ToList();
        foreach (var (characters, languages) in _characterRules)
        {
            foreach (string word in marked)
                foreach (char c in characters)
                    if (word.Contains(c, StringComparison.Ordinal))
                        foreach (var language in languages)
                            if (Array.BinarySearch(ofScript, language) >= 0)
                                counts[language] = counts.GetValueOrDefault(language) + 1;
        }
        var narrowed = counts.Where(c => c.Value >= 0.5 * words.Length).Select(c => c.Key).Order().ToList();
        return narrowed.Count > 0 ? narrowed : [.. ofScript];
    }

    /// <summary>Lingua's n-gram stage: for each candidate, the sum over the text's distinct
    /// trigrams of the logarithm of each one's probability, or of its first two letters', or its
    /// first's, whichever the model holds first; the highest sum wins, as Lingua's normalised
    /// confidences do, an equal pair naming none.</summary>
    private Language? Score(string cleaned, List<Language> candidates, UnicodeScript script)
    {
        var models = (script == UnicodeScript.Latin ? _latinModels : _cyrillicModels).Value;
        if (models == null)
            return null;
        var trigrams = new HashSet<ulong>();
        for (int i = 0; i + 3 <= cleaned.Length; i++)
        {
            var slice = cleaned.AsSpan(i, 3);
            if (char.IsLetter(slice[0]) && char.IsLetter(slice[1]) && char.IsLetter(slice[2]))
                trigrams.Add(LinguaModels.Key(slice));
        }
        int n = models.Group.Count;
        Span<bool> candidate = stackalloc bool[n];
        foreach (var language in candidates)
            candidate[IndexOf(models.Group, language)] = true;
        Span<double> sums = stackalloc double[n];
        sums.Clear();
        Span<bool> found = stackalloc bool[n];
        foreach (ulong trigram in trigrams)
        {
            found.Clear();
            for (int length = 3; length >= 1; length--)
            {
                var (languages, logs) = models.Row(length == 3 ? trigram : LinguaModels.Prefix(trigram, length));
                var l = languages.Span;
                var g = logs.Span;
                for (int k = 0; k < l.Length; k++)
                {
                    int index = l[k];
                    if (!found[index])
                    {
                        found[index] = true;
                        sums[index] += g[k];
                    }
                }
            }
        }
        var scored = new List<(Language Language, double Sum)>(candidates.Count);
        for (int i = 0; i < n; i++)
            if (candidate[i] && sums[i] < 0)
                scored.Add((models.Group[i], sums[i]));
        if (scored.Count == 0)
            return Language.Unknown;
        scored.Sort((a, b) => b.Sum.CompareTo(a.Sum));
        double denominator = scored.Sum(s => Math.Exp(s.Sum));
        if (denominator == 0)
            return scored.Count > 1 && scored[0].Sum == scored[1].Sum ? null : scored[0].Language; // Lingua takes the first of a tie in an order of its own
        if (scored.Count == 1)
            return scored[0].Language;
        return Math.Exp(scored[0].Sum) / denominator == Math.Exp(scored[1].Sum) / denominator ? Language.Unknown : scored[0].Language;
    }

    private static int IndexOf(IReadOnlyList<Language> group, Language language)
    {
        for (int i = 0; i < group.Count; i++)
            if (group[i] == language)
                return i;
        throw new ArgumentException($"{language} is not among the models' languages", nameof(language));
    }

    [GeneratedRegex("\\p{P}")]
    private static partial Regex Punctuation();

    [GeneratedRegex("\\p{N}")]
    private static partial Regex Digits();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
