namespace Search.Core.Querying;

public enum SortOrder { Relevance, Newest, Oldest }

/// <summary>One query with its paging, order, facets and filters. A record: a variant is made
/// with <c>with</c>, so no field can be left behind when one request is derived from another.</summary>
public sealed record SearchRequest
{
    /// <summary>The query text, its letters composed as articles' are (<see cref="Ingest.ComposedLetters"/>),
    /// so "café" typed with a combining accent finds "café".</summary>
    public string Query { get; init => field = Ingest.ComposedLetters.Of(value); } = "";
    public int Offset { get; init; }
    public int Limit { get; init; } = 10;
    public SortOrder Sort { get; init; } = SortOrder.Relevance;

    /// <summary>Facet dimensions to count (see <see cref="Facets.FacetDimensions"/>).</summary>
    public IReadOnlyList<string> Facets { get; init; } = Array.Empty<string>();
    public int FacetLimit { get; init; } = 10;

    /// <summary>Values per dimension: OR within a dimension, AND across dimensions.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Treat the text as plain keywords (no syntax) of which any may match, ranked by how
    /// well they match: for long natural-language questions, where requiring every word finds
    /// nothing. `search eval` and `search query --any` use it.</summary>
    public bool MatchAny { get; init; }

    /// <summary>Keyword queries (<see cref="MatchAny"/>) only: search again with the query expanded by
    /// the words that characterise its best hits (RM3 pseudo-relevance feedback). Costs a second search.</summary>
    public bool Expand { get; init; }

    /// <summary>One hit per duplicate cluster (the first in the chosen order), with its copies
    /// counted; facet counts then count stories, not copies.</summary>
    public bool Collapse { get; init; } = true;

    public bool Snippets { get; init; } = true;
    public bool Suggest { get; init; } = true;

    /// <summary>Most terms a wildcard or prefix may expand to before the query is refused.</summary>
    public int MaxExpansions { get; init; } = 10_000;

    /// <summary>This request with its text taken as keywords of which any may match.</summary>
    public SearchRequest AsAnyWords(bool suggest) => this with { MatchAny = true, Suggest = suggest };

    public static bool TryParseSort(string text, out SortOrder sort) =>
        Enum.TryParse(text, ignoreCase: true, out sort) && Enum.IsDefined(sort);
}
