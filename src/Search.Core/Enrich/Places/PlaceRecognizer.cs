namespace Search.Core.Enrich.Places;

/// <summary>
/// Recognises the countries a news article is about from country names, alternative spellings,
/// demonyms ("Kazakh", "Russians"), capitals and major cities ("Moscow" -> Russia), with the usual
/// false friends ruled out ("Michael Jordan", "roast turkey", "Atlanta, Georgia", "us", "Islamic
/// State", "New Mexico"). Labels are common English country names ("United States", "Russia").
/// One tokenizer pass and a word-trie lookup per word: no regular expressions, thread-safe.
/// </summary>
public sealed class PlaceRecognizer
{
    private static readonly Lazy<PlaceRecognizer> LazyDefault =
        new(() => new PlaceRecognizer(PlaceGazetteer.LoadEmbedded(), PlaceRecognizerOptions.Default));

    /// <summary>Capitalised words that commonly start a sentence or phrase; next to a name-like alias
    /// they do not make it a person's name ("In Jordan", "The Chad government").</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "in", "at", "on", "of", "from", "to", "for", "with", "by", "and", "but", "or",
        "nor", "as", "since", "after", "before", "while", "when", "where", "if", "although", "though",
        "into", "across", "between", "against", "like", "unlike", "including", "via", "near", "outside",
        "inside", "meanwhile", "also", "only", "even", "then", "than", "why", "how", "what", "who",
        "whether", "under", "over", "without", "about", "during", "both", "neither", "either", "all",
        "many", "some", "most", "said", "says", "is", "was", "has", "had", "will", "would", "and", "that",
        "this", "these", "those", "its", "their", "our", "his", "her", "because", "so", "yet", "until",
        "toward", "towards", "through", "throughout", "around", "beyond", "within", "amid", "among",
        "per", "vs", "versus", "which", "there", "here", "not", "no", "new", "old",
    };

    private static readonly HashSet<string> EnvoyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "embassy", "embassies", "ambassador", "ambassadors", "envoy", "envoys", "consulate", "consul", "consulates",
    };

    [ThreadStatic] private static List<PlaceToken>? t_tokens;

    private readonly PlaceGazetteer _gazetteer;
    private readonly PlaceRecognizerOptions _options;

    internal PlaceRecognizer(PlaceGazetteer gazetteer, PlaceRecognizerOptions options)
    {
        _gazetteer = gazetteer;
        _options = options;
    }

    /// <summary>The recognizer over the shipped gazetteer, loaded on first use.</summary>
    public static PlaceRecognizer Default => LazyDefault.Value;

    /// <summary>Every label this recognizer can return.</summary>
    public IReadOnlyCollection<string> Labels => _gazetteer.Labels;

    /// <summary>The label a typed place name stands for ("uk", "Britain", "USA" → the country's
    /// label), or null when it names no country.</summary>
    public string? LabelFor(string typed) => _gazetteer.TypedNames.GetValueOrDefault(PlaceGazetteer.TypedKey(typed));

    internal PlaceRecognizer WithOptions(PlaceRecognizerOptions options) => new(_gazetteer, options);

    /// <summary>Countries the article is about, most mentioned first, ties alphabetically.</summary>
    public IReadOnlyList<string> Recognize(string? title, string? body)
    {
        var evidence = Evidence(title, body);
        int countries = 0;
        foreach (var e in evidence)
            if (e.TitleMentions + e.BodyMentions > 0) countries++;
        var result = new List<(string Label, int Mentions)>();
        foreach (var e in evidence)
        {
            bool about = (_options.TitleDecides && e.TitleMentions > 0)
                || e.BodyMentions >= _options.MinBodyMentions
                || (e.BodyMentions > 0 && e.FirstBodyWord < _options.EarlyWords)
                || (e.NameMentions > 0 && countries <= _options.NamedOnceMaxCountries
                    && e.FirstBodyWord < _options.NamedOnceBefore * e.BodyWords);
            if (about) result.Add((e.Label, e.TitleMentions + e.BodyMentions + e.EnvoyMentions));
        }
        result.Sort((a, b) => a.Mentions != b.Mentions ? b.Mentions.CompareTo(a.Mentions) : string.CompareOrdinal(a.Label, b.Label));
        return result.ConvertAll(r => r.Label);
    }

    /// <summary>Every country mentioned, with the counts the relevance rule looks at (also used by
    /// the tests to tune that rule).</summary>
    internal List<PlaceEvidence> Evidence(string? title, string? body)
    {
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var tokens = t_tokens ??= new List<PlaceToken>(1024);
        Scan(title ?? "", inTitle: true, tokens, tallies);
        Scan(body ?? "", inTitle: false, tokens, tallies);
        int bodyWords = body == null ? 0 : tokens.Count;

        var evidence = new List<PlaceEvidence>(tallies.Count);
        foreach (var (label, t) in tallies)
        {
            bool supported = t.Strong > 0; // weak aliases ("Georgia") need a strong one ("Tbilisi")
            evidence.Add(new PlaceEvidence(label,
                t.TitleStrong + (supported ? t.TitleWeak : 0),
                t.BodyStrong + (supported ? t.BodyWeak : 0),
                supported ? Math.Min(t.FirstStrongBody, t.FirstWeakBody) : t.FirstStrongBody,
                t.Envoy, t.Names, bodyWords));
        }
        return evidence;
    }

    private void Scan(string text, bool inTitle, List<PlaceToken> tokens, Dictionary<string, Tally> tallies)
    {
        if (text.Length == 0) return;
        PlaceTokenizer.Tokenize(text, tokens);
        for (int i = 0; i < tokens.Count;)
        {
            // Every alias starts with a capital, so lower-case words and numbers (most of the text)
            // are skipped without a lookup.
            if (!tokens[i].Capitalised) { i++; continue; }
            var (alias, end) = Match(text, tokens, i);
            if (alias == null) { i++; continue; }
            if (alias.Label != null && Accept(alias, text, tokens, i, end))
            {
                ref Tally t = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(tallies, alias.Label, out bool existed);
                if (!existed) t = Tally.New();
                bool envoy = _options.DiscountEnvoys && end + 1 < tokens.Count
                    && PlaceTokenizer.Adjacent(text, tokens[end].End, tokens[end + 1].Start)
                    && EnvoyWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Span(text, tokens[end + 1]));
                if (envoy) t.Envoy++;
                else if (alias.NeedsSupport)
                {
                    if (inTitle) t.TitleWeak++;
                    else { t.BodyWeak++; t.FirstWeakBody = Math.Min(t.FirstWeakBody, i); }
                }
                else
                {
                    t.Strong++;
                    if (alias.Kind == PlaceAliasKind.Country) t.Names++;
                    if (inTitle) t.TitleStrong++;
                    else { t.BodyStrong++; t.FirstStrongBody = Math.Min(t.FirstStrongBody, i); }
                }
            }
            i = end + 1; // a matched phrase, blocker or rejected name consumes its words
        }
    }

    /// <summary>Longest alias starting at word <paramref name="start"/>: case-sensitive, or through the
    /// upper-case trie when the words are ALL CAPS.</summary>
    private (PlaceAlias? Alias, int End) Match(string text, List<PlaceToken> tokens, int start)
    {
        var found = Walk(_gazetteer.Exact, text, tokens, start, allCaps: false);
        if (found.Alias == null && tokens[start].AllCaps)
            found = Walk(_gazetteer.Upper, text, tokens, start, allCaps: true);
        return found;
    }

    private static (PlaceAlias? Alias, int End) Walk(PlaceTrieNode root, string text, List<PlaceToken> tokens, int start, bool allCaps)
    {
        PlaceAlias? best = null;
        int bestEnd = start;
        var node = root.Next(Span(text, tokens[start]));
        for (int j = start; node != null;)
        {
            if (node.Alias != null) { best = node.Alias; bestEnd = j; }
            if (++j >= tokens.Count || (allCaps && !tokens[j].AllCaps) || !PlaceTokenizer.Joinable(text, tokens[j - 1].End, tokens[j].Start))
                break;
            node = node.Next(Span(text, tokens[j]));
        }
        return (best, bestEnd);
    }

    /// <summary>The false-friend rules that need the neighbouring words.</summary>
    private static bool Accept(PlaceAlias alias, string text, List<PlaceToken> tokens, int start, int end)
    {
        PlaceToken? prev = start > 0 && PlaceTokenizer.Adjacent(text, tokens[start - 1].End, tokens[start].Start) ? tokens[start - 1] : null;
        PlaceToken? next = end + 1 < tokens.Count && PlaceTokenizer.Adjacent(text, tokens[end].End, tokens[end + 1].Start) ? tokens[end + 1] : null;
        if (prev is { } p && Contains(alias.NotAfter, Span(text, p))) return false;
        if (next is { } q && Contains(alias.NotBefore, Span(text, q))) return false;
        // In ALL-CAPS text every word is capitalised, so the person-name test says nothing there.
        if (tokens[start].AllCaps) return true;
        if (alias.Surname && prev is { } pp && IsNameWord(text, pp)) return false;
        if (alias.FirstName && next is { } nn && IsNameWord(text, nn)) return false;
        return true;
    }

    private static bool IsNameWord(string text, PlaceToken t) =>
        t.Capitalised && !t.AllCaps && !FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Span(text, t));

    private static bool Contains(string[] words, ReadOnlySpan<char> word)
    {
        foreach (string w in words)
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static ReadOnlySpan<char> Span(string text, PlaceToken t) => text.AsSpan(t.Start, t.Length);

    /// <summary>How one country is mentioned in an article.</summary>
    internal readonly record struct PlaceEvidence(string Label, int TitleMentions, int BodyMentions, int FirstBodyWord,
        int EnvoyMentions, int NameMentions, int BodyWords);

    private struct Tally
    {
        public int Strong, Names, TitleStrong, BodyStrong, TitleWeak, BodyWeak, Envoy, FirstStrongBody, FirstWeakBody;

        public static Tally New() => new() { FirstStrongBody = int.MaxValue, FirstWeakBody = int.MaxValue };
    }
}
