namespace Search.Core.Indexing;

/// <summary>
/// The index schema in one place: every field name, how it is indexed, and the version stamped
/// into each commit. Change <see cref="Version"/> whenever a change here makes old indexes
/// unreadable or wrong; opening an index of another version asks the user to rebuild.
/// </summary>
public static class Schema
{
    /// <summary>Bumped on any incompatible change to fields or analysis.</summary>
    public const int Version = 8;

    // Identity and bookkeeping (keyword, stored): the article's id, and its record's number in its
    // file (stored only).
    public const string Id = "id", Record = "record";
    /// <summary>Absolute path of the file the article came from: the unit of incremental updates.</summary>
    public const string Path = "path";
    /// <summary>The article's unique key in the index: its file's absolute path and its id
    /// (<see cref="Writing.ArticleKey"/>). Ids need not be unique across files: keys are.</summary>
    public const string Key = "key";
    /// <summary>Per-article content hash and id (binary doc values), so a re-read file updates only
    /// the records that changed (<see cref="Writing.RecordState"/>).</summary>
    public const string RecordState = "record_state";
    /// <summary>Path relative to the indexed root, as shown to users.</summary>
    public const string File = "file";
    /// <summary>Per-article copy of the file's state (hash, size, mtime, articles in file), so the
    /// incremental state lives in the same atomic commit as the articles themselves.</summary>
    public const string FileState = "file_state";

    // Full text, one term per word (Analysis/OneTermPerToken): a word that is its own stem bare
    // (`market`), any other word as its exact form (`=markets`), a stop word as its exact form
    // (`=the`). Quoted words query the term indexed for each word; a stem queries its bare term and
    // every exact form whose stem it is (Analysis/StemForms, StemQuery). Positions for phrases.
    public const string Title = "title", Body = "body";

    /// <summary>Title and body in one field, the title counted twice, stemmed terms only, no
    /// positions: plain words are scored on it as one BM25 field (BM25F-style), so a word's title
    /// and body occurrences share one saturation curve and one length norm instead of two summed
    /// scores. Not stored, not queryable by name.</summary>
    public const string AllText = "text";

    /// <summary>How many times the title counts in <see cref="AllText"/>.</summary>
    public const int AllTextTitleRepeats = 2;

    // Metadata, analysed with a plain lower-casing analyser so `author:petrova` works.
    public const string Url = "url", Source = "source", Author = "author", Section = "section", Language = "language",
        Tags = "tags", Place = "place", Links = "links", Related = "related", AuthorUrl = "author_url", LinkUrls = "link_urls";

    // The date: the ISO date as a single keyword term (ranges compare lexicographically), and its
    // year and month as facets.
    public const string Published = "published", Year = "year", Month = "month";
    /// <summary>Numeric doc values (yyyyMMdd; absent when unknown) for sorting and tie-breaks.</summary>
    public const string PublishedSort = "published_sort";

    // Near-duplicate clusters (see Duplicates/): LSH band keys as binary doc values (not terms) and
    // the cluster key as a numeric doc value (a candidate is verified from the stored body).
    public const string DuplicateBands = "dup_band", Cluster = "cluster";
    /// <summary>The number of the build that added the article (numeric doc value): with the
    /// commit's <see cref="Writing.WriterSession.ClusteredThroughKey"/>, it tells the clustering
    /// pass which articles it has not looked at yet, so one that joins no cluster needs no write.</summary>
    public const string ClusterBuild = "cluster_build";

    /// <summary>Prefix of facet keyword fields (lower-cased value, for filters) and the same name
    /// carries sorted-set doc values with the display label (for counting).</summary>
    public const string FacetPrefix = "facet_";

    /// <summary>Exact (unstemmed) forms of words whose stem differs, and stop words, are indexed with this prefix.</summary>
    public const char ExactMarker = '=';

    /// <summary>Fields searched when a query names none, with their weights.</summary>
    public static readonly IReadOnlyDictionary<string, float> DefaultFields = new Dictionary<string, float>
    {
        [Title] = 2.0f,
        [Body] = 1.0f,
    };

    /// <summary>Full-text fields: one term per word (bare stem or exact form), positions for phrases.</summary>
    public static readonly string[] TextFields = { Title, Body };

    /// <summary>Metadata fields searchable with `field:value`, lower-cased, unstemmed.</summary>
    public static readonly string[] MetadataFields = { Author, Tags, Related, Url, File };

    /// <summary>Metadata searched as whole values, case-insensitively: `source:`, `place:` and the
    /// rest query the facet keyword field of the same dimension (no second copy is indexed).</summary>
    public static readonly string[] WholeValueFields = { Source, Section, Place, Links, Year, Month, Language };

    /// <summary>Fields matched verbatim as one term (no analysis).</summary>
    public static readonly string[] KeywordFields = { Id, Published, Path, Key };

    /// <summary>Title and body: stored for display and snippets, positions for phrases. No term
    /// vectors: snippets re-analyse the stored text (see Snippets/SnippetBuilder), which costs less
    /// than vectors did at index time (they doubled it) and at query time.</summary>
    internal static readonly FieldType Text = MakeTextType(stored: true);
    internal static readonly FieldType MetadataText = MakeTextType(stored: false);

    internal static readonly FieldType AllTextType = MakeTextType(stored: false, IndexOptions.DOCS_AND_FREQS);

    private static FieldType MakeTextType(bool stored, IndexOptions options = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS)
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = stored,
            IndexOptions = options,
        };
        type.Freeze();
        return type;
    }
}
