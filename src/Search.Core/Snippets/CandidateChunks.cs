using System.Buffers;
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

    /// <summary>The keys' first characters, in both cases.</summary>
    private SearchValues<char> _firsts = SearchValues.Create("");

    /// <summary>The keys themselves, found in either case by one vectorised search; null when a key
    /// is a single character (then <see cref="_firsts"/> finds the same places, and faster).</summary>
    private SearchValues<string>? _keys;

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
        result._firsts = SearchValues.Create(byFirst.Keys.SelectMany(c => new[] { c, char.ToUpperInvariant(c) }).Distinct().ToArray());
        var allKeys = byFirst.Values.SelectMany(k => k).ToArray();
        if (allKeys.All(k => k.Length >= 2))
            result._keys = SearchValues.Create(allKeys, StringComparison.OrdinalIgnoreCase);
        return result;
    }

    /// <summary>What a word that analyses to <paramref name="term"/> must start with.</summary>
    public static string KeyOf(string term) =>
        term.Length > 0 && term[0] == Schema.ExactMarker ? term[1..] : term.Length <= 1 ? term : term[..Math.Max(1, term.Length - 2)];

    /// <summary>The stretches [Start, End) of <paramref name="text"/> to analyse, in order.
    /// Only the places that can make a chunk a candidate are looked at (a key, in either case;
    /// anything outside ASCII), found with vectorised searches: reading every character was a tenth
    /// of a phrase query and a sixth of a prefix query (`terror*`) on ten hits. The keys are looked
    /// for whole, not by their first letter: a first letter such as `t` or `m` stands at one
    /// character in fifteen of English text, and each stop cost a search's start and a comparison
    /// (the first 4,000 characters of 2,000 generated articles: `terr` found 8× faster, `gover` 5×, `mark`/`oil` 3.7×, `prime`/`minister` 2×);
    /// a key of one character (`o` for "oil") is looked for as that character, which was faster.</summary>
    public List<(int Start, int End)> Find(string text)
    {
        var stretches = new List<(int Start, int End)>();
        var span = text.AsSpan();
        int nonAscii = -1; // the next character outside ASCII at or after `from` (-1: look again)
        for (int from = 0; from < span.Length;)
        {
            if (nonAscii < from)
                nonAscii = At(from, span[from..].IndexOfAnyExceptInRange((char)0, (char)127), span.Length);
            int first = At(from, _keys != null ? span[from..].IndexOfAny(_keys) : span[from..].IndexOfAny(_firsts), span.Length);
            int i = Math.Min(first, nonAscii);
            if (i == span.Length)
                break;
            bool candidate = i == nonAscii
                || ((i == 0 || !char.IsAsciiLetterOrDigit(span[i - 1])) && StartsWithKey(text, i, span[i]));
            if (!candidate)
            {
                from = i + 1;
                continue;
            }
            int start = span[..i].LastIndexOfAny(Whitespace) + 1;
            int end = At(i, span[i..].IndexOfAny(Whitespace), span.Length);
            Add(stretches, text, start, end);
            from = end + 1;
        }
        return stretches;
    }

    /// <summary>The whitespace that separates chunks (the tokenizer never makes a token across it).</summary>
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \n\r\t\f\v");

    /// <summary>Where a search from <paramref name="from"/> found something; <paramref name="none"/> when it did not.</summary>
    private static int At(int from, int found, int none) => found < 0 ? none : from + found;

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
    internal static void Add(List<(int Start, int End)> stretches, string text, int start, int end)
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
