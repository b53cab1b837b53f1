using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Snippets;

/// <summary>
/// The stretches of a text that may hold a query's terms, found by a scan of its characters, so
/// that a snippet analyses those stretches instead of the whole body (analysis was most of a
/// snippet's time: ten bodies took a millisecond, ten times the plain search).
///
/// A stretch is a run of whitespace-separated chunks: the tokenizer never makes a token across
/// ASCII whitespace, so a chunk analysed alone gives the tokens it gives in the whole text. A
/// chunk is a candidate when it holds a character outside ASCII (folding, lower-casing and
/// tokenizing are then left to the analyser) or when a run of ASCII letters and digits in it
/// starts with a term's key, compared case-insensitively: an exact term's key is the whole word;
/// a stem's key is the stem without its last two characters, because the supported stemmers
/// (<see cref="SupportsStemmer"/>) only cut or rewrite a word's end -- a stem differs from its
/// word in at most its last two characters (porter2's "dying" → "die"; "happy" → "happi"). A
/// test checks that rule over every word of a real corpus. Neighbouring candidates with no
/// letter or digit between them are one stretch, so a phrase is never cut.
/// </summary>
internal sealed class CandidateChunks
{
    /// <summary>Keys by their first character (ASCII letters lower-cased, digits as they are).</summary>
    private readonly string[]?[] _keysByFirst = new string[]?[128];

    private CandidateChunks() { }

    /// <summary>Stemmers whose stems keep their word's beginning (see the class summary).</summary>
    public static bool SupportsStemmer(string stemmer) => stemmer is "porter" or "porter2" or "minimal" or "none";

    /// <summary>Whether hits analysed by <paramref name="analyzers"/> can be scanned: English analysis
    /// with one of those stemmers. Other languages' chains fold letters (German ä -> a, Greek
    /// accents) or cut CJK text into pairs, so a stem's key need not stand in the text.</summary>
    public static bool Supports(ArticleAnalyzers analyzers) =>
        analyzers.LanguageKey == Indexing.Analysis.Languages.LanguageChains.English && SupportsStemmer(analyzers.Settings.Stemmer);

    /// <summary>The scanner for <paramref name="terms"/>, or null when one of them cannot be
    /// looked for by its key (it starts with something other than an ASCII letter or digit).</summary>
    public static CandidateChunks? For(IEnumerable<string> terms)
    {
        var byFirst = new Dictionary<char, HashSet<string>>();
        foreach (string term in terms)
        {
            string key = KeyOf(term);
            if (key.Length == 0 || !char.IsAsciiLetterOrDigit(key[0]))
                return null;
            char first = char.ToLowerInvariant(key[0]);
            if (!byFirst.TryGetValue(first, out var keys))
                byFirst[first] = keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            keys.Add(key);
        }
        var result = new CandidateChunks();
        foreach (var (first, keys) in byFirst)
            result._keysByFirst[first] = keys.ToArray();
        return result;
    }

    /// <summary>What a word that analyses to <paramref name="term"/> must start with.</summary>
    public static string KeyOf(string term) =>
        term.Length > 0 && term[0] == Schema.ExactMarker ? term[1..] : term.Length <= 1 ? term : term[..Math.Max(1, term.Length - 2)];

    /// <summary>The stretches [Start, End) of <paramref name="text"/> to analyse, in order.</summary>
    public List<(int Start, int End)> Find(string text)
    {
        var stretches = new List<(int Start, int End)>();
        int chunkStart = 0;
        bool candidate = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (c is ' ' or '\n' or '\r' or '\t' or '\f' or '\v')
            {
                if (candidate)
                    Add(stretches, text, chunkStart, i);
                chunkStart = i + 1;
                candidate = false;
            }
            else if (candidate)
                continue;
            else if (c >= 128)
                candidate = true;
            else if (char.IsAsciiLetterOrDigit(c) && (i == chunkStart || !char.IsAsciiLetterOrDigit(text[i - 1])))
                candidate = StartsWithKey(text, i, c);
        }
        return stretches;
    }

    private bool StartsWithKey(string text, int at, char first)
    {
        var keys = _keysByFirst[char.ToLowerInvariant(first)];
        if (keys == null)
            return false;
        var rest = text.AsSpan(at);
        foreach (string key in keys)
            if (rest.StartsWith(key, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>Adds a candidate chunk, joined to the stretch before it when nothing between them
    /// could be a token (no ASCII letter or digit; anything outside ASCII is a candidate itself).</summary>
    private static void Add(List<(int Start, int End)> stretches, string text, int start, int end)
    {
        if (stretches.Count > 0)
        {
            var (lastStart, lastEnd) = stretches[^1];
            bool gapHasToken = false;
            for (int i = lastEnd; i < start && !gapHasToken; i++)
                gapHasToken = char.IsAsciiLetterOrDigit(text[i]) || text[i] >= 128;
            if (!gapHasToken)
            {
                stretches[^1] = (lastStart, end);
                return;
            }
        }
        stretches.Add((start, end));
    }
}
