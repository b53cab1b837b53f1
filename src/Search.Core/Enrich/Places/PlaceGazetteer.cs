namespace Search.Core.Enrich.Places;

/// <summary>What kind of name an alias is; curated and country names are the strongest evidence.</summary>
internal enum PlaceAliasKind { Country, Demonym, Capital, City, Curated, Blocker }

/// <summary>One alias line of <c>places.tsv</c>, with its false-friend rules.</summary>
internal sealed class PlaceAlias
{
    public required string Text { get; init; }

    /// <summary>Country label, or null for a blocker phrase ("Islamic State") that only consumes words.</summary>
    public required string? Label { get; init; }
    public required PlaceAliasKind Kind { get; init; }

    /// <summary>Also a surname: rejected right after a capitalised word ("Michael Jordan", "Jack London").</summary>
    public required bool Surname { get; init; }

    /// <summary>Also a first name: rejected right before a capitalised word ("Chad Smith", "Paris Hilton").</summary>
    public required bool FirstName { get; init; }

    /// <summary>Counts only if the same country is named by another, strong alias in the article.</summary>
    public required bool NeedsSupport { get; init; }
    public required string[] NotAfter { get; init; }
    public required string[] NotBefore { get; init; }
}

/// <summary>Trie node keyed by whole words; lookups take spans of the text, so matching allocates nothing.</summary>
internal sealed class PlaceTrieNode
{
    private readonly Dictionary<string, PlaceTrieNode> _children = new(StringComparer.Ordinal);
    private Dictionary<string, PlaceTrieNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Nodes with more children than this (the roots) keep <see cref="_shapes"/>.</summary>
    private const int FilteredChildren = 64;

    // One bit per word shape (length, first, second and last character, hashed to 16 bits) that
    // some child has: a capitalised word of the text that is no place's first word ("The",
    // "President", most of them) is turned down by one bit read in 8 KB, not a dictionary lookup
    // with its hash of the word (docs/performance.md, seventh round). Null: every word is looked up.
    private ulong[]? _shapes;

    public PlaceAlias? Alias { get; set; }

    public PlaceTrieNode GetOrAdd(string word)
    {
        if (!_children.TryGetValue(word, out var child))
            _children[word] = child = new PlaceTrieNode();
        return child;
    }

    public void Freeze()
    {
        _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
        if (_children.Count > FilteredChildren)
        {
            _shapes = new ulong[(1 << 16) / 64];
            foreach (string word in _children.Keys)
            {
                int shape = Shape(word);
                _shapes[shape >> 6] |= 1UL << shape;
            }
        }
        foreach (var child in _children.Values) child.Freeze();
    }

    public PlaceTrieNode? Next(ReadOnlySpan<char> word) =>
        _children.Count != 0 && MayHave(word) && _lookup.TryGetValue(word, out var child) ? child : null;

    /// <summary>False when no child has the shape of <paramref name="word"/>; true when one may.</summary>
    internal bool MayHave(ReadOnlySpan<char> word)
    {
        if (_shapes == null)
            return true;
        int shape = Shape(word);
        return (_shapes[shape >> 6] & (1UL << shape)) != 0;
    }

    /// <summary>The words this node leads on with (for tests).</summary>
    internal IEnumerable<string> Words => _children.Keys;

    /// <summary>A word's length and first, second and last characters, mixed into 16 bits.</summary>
    internal static int Shape(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
            return 0;
        uint h = (uint)word.Length * 0x9E3779B1u;
        h = (h ^ word[0]) * 0x85EBCA77u;
        h = (h ^ word[word.Length > 1 ? 1 : 0]) * 0xC2B2AE3Du;
        h = (h ^ word[^1]) * 0x27D4EB2Fu;
        return (int)(h >> 16);
    }
}

/// <summary>
/// The alias table (embedded <c>places.tsv</c>) as two word tries: one matched case-sensitively, so
/// "turkey" and "us" never match, and one in upper case that is used only for ALL-CAPS words, as in
/// wire-service headlines and datelines ("MOSCOW, March 3 -").
/// </summary>
internal sealed class PlaceGazetteer
{
    public const string ResourceName = "Search.Core.Enrich.Places.places.tsv";

    public PlaceTrieNode Exact { get; } = new();
    public PlaceTrieNode Upper { get; } = new();
    public IReadOnlyCollection<string> Labels { get; }

    /// <summary>Country names, curated short forms and demonyms, case- and dot-insensitive ("uk",
    /// "usa", "u.s.", "britain", "british"), to the label: what people type as a `place:` value.</summary>
    public IReadOnlyDictionary<string, string> TypedNames { get; }

    /// <summary>The form of a name that <see cref="TypedNames"/> is keyed by.</summary>
    public static string TypedKey(string text) => text.Replace(".", "").Trim().ToLowerInvariant();

    private PlaceGazetteer(IEnumerable<PlaceAlias> aliases)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var tokens = new List<PlaceToken>();
        foreach (var alias in aliases)
        {
            if (alias.Label != null) labels.Add(alias.Label);
            if (alias.Label != null && alias.Kind is PlaceAliasKind.Country or PlaceAliasKind.Curated or PlaceAliasKind.Demonym)
                typed.TryAdd(TypedKey(alias.Text), alias.Label);
            PlaceTokenizer.Tokenize(alias.Text, tokens);
            if (tokens.Count == 0) continue;
            PlaceTrieNode exact = Exact, upper = Upper;
            foreach (var t in tokens)
            {
                string word = alias.Text.Substring(t.Start, t.Length);
                exact = exact.GetOrAdd(word);
                upper = upper.GetOrAdd(word.ToUpperInvariant());
            }
            exact.Alias = alias;
            upper.Alias ??= alias; // the exact-case entry wins if two aliases differ only in case
        }
        Exact.Freeze();
        Upper.Freeze();
        Labels = labels;
        foreach (string label in labels)
            typed[TypedKey(label)] = label;
        TypedNames = typed;
    }

    public static PlaceGazetteer LoadEmbedded()
    {
        using var stream = typeof(PlaceGazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("embedded resource missing: " + ResourceName);
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    public static PlaceGazetteer Parse(TextReader reader)
    {
        var aliases = new List<PlaceAlias>();
        int lineNo = 0;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            string[] f = line.Split('\t');
            if (f.Length != 6) throw new FormatException($"places.tsv line {lineNo}: expected 6 fields, got {f.Length}");
            aliases.Add(new PlaceAlias
            {
                Text = f[0],
                Label = f[1] == "-" ? null : f[1],
                Kind = f[2] switch
                {
                    "C" => PlaceAliasKind.Country,
                    "D" => PlaceAliasKind.Demonym,
                    "K" => PlaceAliasKind.Capital,
                    "Y" => PlaceAliasKind.City,
                    "X" => PlaceAliasKind.Curated,
                    "B" => PlaceAliasKind.Blocker,
                    _ => throw new FormatException($"places.tsv line {lineNo}: unknown kind '{f[2]}'"),
                },
                Surname = f[3].Contains('n'),
                FirstName = f[3].Contains('f'),
                NeedsSupport = f[3].Contains('w'),
                NotAfter = Words(f[4]),
                NotBefore = Words(f[5]),
            });
        }
        return new PlaceGazetteer(aliases);
    }

    private static string[] Words(string field) =>
        field == "-" ? Array.Empty<string>() : field.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
