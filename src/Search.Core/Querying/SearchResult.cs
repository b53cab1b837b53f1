using Search.Core.Facets;
using Search.Core.Snippets;

namespace Search.Core.Querying;

/// <summary>The answer to a <see cref="SearchRequest"/>. Property names are the JSON of
/// `search query --json` and stay stable.</summary>
public sealed class SearchResult
{
    public required string Query { get; init; }
    /// <summary>Exact number of matches: stories when <see cref="Collapsed"/>, else articles.</summary>
    public required int Total { get; init; }
    /// <summary>True when copies of one story were folded into one hit and facets count stories.</summary>
    public bool Collapsed { get; init; }
    /// <summary>Matching articles, copies included (equals <see cref="Total"/> when not collapsed).</summary>
    public int Articles { get; init; }
    public required double TookMs { get; set; }
    public required int Offset { get; init; }
    public required IReadOnlyList<Hit> Hits { get; init; }
    /// <summary>True when the query was plain words that no article has all of (or more than the
    /// words a query may require), so it was answered as keywords of which any may match
    /// (<see cref="SearchRequest.MatchAny"/>), best first.</summary>
    public bool AnyWords { get; set; }
    /// <summary>A respelled query that finds more, when this one finds nothing or very little.</summary>
    public string? Suggestion { get; set; }
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();
    /// <summary>Per facet dimension, the values its list leaves out (<see cref="FacetOther.None"/> when none).</summary>
    public IReadOnlyDictionary<string, FacetOther> FacetOthers { get; init; } = new Dictionary<string, FacetOther>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Set when the query has nothing searchable (only stop words): says why nothing matched.</summary>
    public string? Notice { get; set; }

    /// <summary>Facet values in the query or filters that no article has, each with "did you mean"
    /// values that exist; and, for a page past <see cref="ArticleSearcher.MaxWindow"/>, where every hit can be had.</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();
}

/// <summary>One matching article. <see cref="Snippet"/> and <see cref="TitleHighlighted"/> mark
/// matched words with <see cref="Highlight.Open"/> and <see cref="Highlight.Close"/>.</summary>
public sealed class Hit
{
    public required int Rank { get; init; }
    public required string Id { get; init; }
    public required float Score { get; init; }
    public required string Title { get; init; }
    public string? Source { get; init; }
    public string? Author { get; init; }
    public string? Published { get; init; }
    public string? Section { get; init; }
    public string? Url { get; init; }
    public string Snippet { get; init; } = "";
    public string TitleHighlighted { get; init; } = "";
    /// <summary>Duplicate-cluster key (16 hex digits); null for an article not clustered yet.</summary>
    public string? Cluster { get; init; }
    /// <summary>Articles in the cluster, this one included: 1 for a story printed once.</summary>
    public int Copies { get; init; } = 1;
    /// <summary>Outlets (sources) of the other articles in the cluster, each once.</summary>
    public IReadOnlyList<string> CopySources { get; init; } = Array.Empty<string>();
    /// <summary>The file the article is from, as <see cref="Ingest.Article.File"/> holds it: which
    /// article the hit is when articles of several files share its id.</summary>
    public string? File { get; init; }
}
