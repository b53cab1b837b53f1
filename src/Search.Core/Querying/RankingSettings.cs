using Lucene.Net.Search.Similarities;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// How matches are scored: BM25's k1 and b, how title and body combine, the proximity boost and
/// query-side word handling for keyword (<see cref="SearchRequest.MatchAny"/>) queries. Search-time
/// only: BM25's length norms are encoded the same whatever k1 and b are, so changing these needs no
/// rebuild. The defaults are the candidate `tests/Search.Benchmarks -- relevance` chooses on all five
/// test collections; every collection is reported with the choice made on the other four
/// (docs/relevance.md).
/// </summary>
public sealed record RankingSettings
{
    public static readonly RankingSettings Default = new();

    /// <summary>BM25 term-frequency saturation (Xapian's default; chosen on the five test collections).</summary>
    public float K1 { get; init; } = 1.0f;

    /// <summary>BM25 length normalisation (0 none, 1 full; Xapian's default 0.5).</summary>
    public float B { get; init; } = 0.5f;

    public float TitleWeight { get; init; } = Schema.DefaultFields[Schema.Title];
    public float BodyWeight { get; init; } = Schema.DefaultFields[Schema.Body];

    /// <summary>Weight of the proximity clauses added to keyword queries of two or more words: each
    /// pair of neighbouring query words scores again where the two occur within
    /// <see cref="ProximitySlop"/> positions of each other (nearer counts more). 0 turns it off.</summary>
    public float ProximityBoost { get; init; } = 0.1f;

    /// <summary>How far apart (in positions, either order) a pair of words may be and still count as near.</summary>
    public int ProximitySlop { get; init; } = 20;

    /// <summary>Plain words are scored on the combined field (<see cref="Schema.AllText"/>: title
    /// twice and body as one BM25 field) instead of on title and body separately. Measured on five
    /// collections (docs/relevance.md); off, <see cref="TitleWeight"/>, <see cref="BodyWeight"/> and
    /// <see cref="FieldTieBreaker"/> say how the two fields combine.</summary>
    public bool CombinedField { get; init; } = true;

    /// <summary>How the default fields of one word combine: 1 sums them (each field's BM25 score
    /// added); below 1 the best field counts fully and the others by this fraction (Lucene's
    /// DisjunctionMaxQuery tie breaker), so a word in both title and body is not counted twice.</summary>
    public float FieldTieBreaker { get; init; } = 1f;

    /// <summary>Keyword queries: a word the query repeats weighs that many times (BM25's query-term
    /// frequency); off, each distinct word counts once.</summary>
    public bool QueryTermFrequency { get; init; } = true;

    /// <summary>BM25's k3: how a word repeated in the query saturates, (k3 + 1)·q / (k3 + q) for q
    /// repeats (Xapian: 1, so a word said twice weighs 4/3, three times 3/2). Null: linear (q).</summary>
    public float? K3 { get; init; } = 1f;

    /// <summary>A document shorter than this fraction of the average length is normalised as if it
    /// had it (Xapian's min_normlen, 0.5, its default); 0: none. A candidate of the relevance
    /// benchmark's choice, which measured it within ±0.003 everywhere and chose none (docs/relevance.md).</summary>
    public float MinLengthNorm { get; init; }

    /// <summary>BM25+'s lower bound (Lv and Zhai, 2011): every matching word adds this much of its
    /// idf however long the document is, so a long document that has the word is never scored as if
    /// it lacked it. 0: plain BM25.</summary>
    public float Delta { get; init; }

    /// <summary>Read a document's length from its one-byte norm as the middle of the lengths that
    /// byte stands for, not the longest (Lucene's reading, which makes every document look up to
    /// 1.6 times longer than it is against an exact average). Search time only: the index is the same.</summary>
    public bool NormMidpoints { get; init; } = true;

    /// <summary>Robertson–Spärck Jones idf as Xapian computes it instead of Lucene's (see <see cref="Ranking.Bm25Scoring"/>).</summary>
    public bool RobertsonIdf { get; init; } = true;

    /// <summary>Exact document lengths instead of the index's one-byte norms (the relevance
    /// benchmark measures this index-time change as a variant); null in the product.</summary>
    public Ranking.IDocumentLengths? DocumentLengths { get; init; }

    /// <summary>The weight of a word the query has <paramref name="repeats"/> times.</summary>
    public float QueryTermWeight(float repeats) =>
        !QueryTermFrequency ? 1f : K3 is float k3 ? (k3 + 1) * repeats / (k3 + repeats) : repeats;

    /// <summary>Every query form: drop English function words (Snowball's list, as Xapian's query
    /// parser does) from the free words, unless nothing else would be left of a group.</summary>
    public bool QueryFunctionWords { get; init; } = true;

    /// <summary>Keyword queries: drop function words and request phrasing ("I am interested in papers
    /// about") beyond the index's stop words.</summary>
    public bool QueryStopWords { get; init; }

    /// <summary>Fields searched when a query names none, with their weights.</summary>
    public IReadOnlyDictionary<string, float> FieldWeights => new Dictionary<string, float>
    {
        [Schema.Title] = TitleWeight,
        [Schema.Body] = BodyWeight,
    };

    public Similarity CreateSimilarity() => new Ranking.Bm25Scoring(this);
}
