using Search.Core.Indexing.Writing;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Querying.StoredFields;
using Search.Core.Snippets;

namespace Search.Core.Querying;

/// <summary>Turns ranked documents into <see cref="Hit"/>s: stored fields, snippet and highlighted
/// title (when asked), duplicate cluster, copies and the outlets of the copies.</summary>
internal sealed class HitBuilder
{
    public static readonly StoredFieldSet HitFields = new(
        Schema.Id, Schema.Title, Schema.Source, Schema.Author, Schema.Published, Schema.Section, Schema.Url, Schema.Language, Schema.File);

    /// <summary>With snippets the stored body is needed too (it is most of the stored data).</summary>
    internal static readonly StoredFieldSet HitFieldsWithBody = new([.. HitFields.Names, Schema.Body]);

    private static readonly string SourceFacet = Facets.FacetDimensions.Field("source");

    private readonly IndexSearcher _searcher;
    private readonly ClusterMap _clusters;
    private readonly bool _collapsed;
    private readonly Query _query;
    private readonly ArticleAnalyzers _analyzers;
    private readonly bool _snippets;
    private SnippetBuilder? _snippetBuilder;
    /// <summary>Snippet builders of the other languages' hits: each hit's words are marked as its
    /// own language analysed them.</summary>
    private Dictionary<string, SnippetBuilder>? _otherLanguages;

    /// <param name="query">The query whose words are marked; null for no snippets.</param>
    /// <param name="collapsed">Whether each hit stands for its story (then its copies' outlets are listed).</param>
    public HitBuilder(IndexSearcher searcher, ClusterMap clusters, Query? query, ArticleAnalyzers analyzers, bool collapsed)
    {
        _searcher = searcher;
        _clusters = clusters;
        _collapsed = collapsed;
        _query = query ?? new MatchAllDocsQuery();
        _analyzers = analyzers;
        _snippets = query != null;
    }

    /// <summary>The hits of <paramref name="page"/>, ranked from <paramref name="firstRank"/>.
    /// One thread: building hits on both cores halved a page's time on an idle machine but, on a
    /// busy one, left the query waiting for a pool thread to be scheduled (p50 ×3 and worse).</summary>
    public IReadOnlyList<Hit> Build(IReadOnlyList<ScoreDoc> page, int firstRank)
    {
        if (_snippets && page.Count > 0)
            _snippetBuilder ??= new SnippetBuilder(_query, _searcher.IndexReader, _analyzers);
        var hits = new Hit[page.Count];
        for (int i = 0; i < page.Count; i++)
            hits[i] = Build(page[i], firstRank + i);
        return hits;
    }

    private Hit Build(ScoreDoc sd, int rank)
    {
        // Straight from the stored fields files (HitDocuments): Lucene's loading decoded a hit's
        // chunk at a quarter of the speed.
        var doc = HitDocuments.Read(_searcher.IndexReader, sd.Doc, _snippets ? HitFieldsWithBody : HitFields);
        string title = doc.Get(Schema.Title) ?? "";
        var snippets = SnippetsFor(doc.Get(Schema.Language));
        return new Hit
        {
            Rank = rank,
            Id = doc.Get(Schema.Id) ?? "",
            Score = float.IsNaN(sd.Score) ? 0 : sd.Score,
            Title = title,
            Source = doc.Get(Schema.Source),
            Author = doc.Get(Schema.Author),
            Published = doc.Get(Schema.Published),
            Section = doc.Get(Schema.Section),
            Url = doc.Get(Schema.Url),
            Snippet = snippets?.Body(doc.Get(Schema.Body) ?? "") ?? "",
            TitleHighlighted = snippets?.Title(title) ?? title,
            Cluster = _clusters.KeyOf(sd.Doc) is var key && key != DuplicateClusterer.Unassigned ? ClusterMap.Format(key) : null,
            Copies = _clusters.SizeOf(sd.Doc),
            CopySources = _collapsed ? SourcesOfCopies(sd.Doc) : Array.Empty<string>(),
            File = doc.Get(Schema.File),
        };
    }

    private SnippetBuilder? SnippetsFor(string? language)
    {
        string key = Indexing.Analysis.Languages.LanguageChains.KeyOf(language);
        if (_snippetBuilder == null || key == _analyzers.LanguageKey)
            return _snippetBuilder;
        _otherLanguages ??= new(StringComparer.Ordinal);
        if (!_otherLanguages.TryGetValue(key, out var builder))
            _otherLanguages[key] = builder = new SnippetBuilder(_query, _searcher.IndexReader, _analyzers.For(key));
        return builder;
    }

    /// <summary>The outlets of a doc's copies (its own outlet left out unless a copy shares it), each once; copies without a source are only counted.</summary>
    private IReadOnlyList<string> SourcesOfCopies(int doc)
    {
        var members = _clusters.MembersOf(doc);
        if (members.Count < 2)
            return Array.Empty<string>();
        return members.Where(m => m != doc).Select(SourceOf).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>A document's source from the source facet's doc values (the same value as stored):
    /// loading each copy's stored fields decompressed a block of bodies per copy.</summary>
    private string? SourceOf(int doc)
    {
        var leaves = _searcher.IndexReader.Leaves;
        var leaf = leaves[Lucene.Net.Index.ReaderUtil.SubIndex(doc, leaves)];
        return Facets.SegmentOrdinals.FirstLabel(leaf.AtomicReader, SourceFacet, doc - leaf.DocBase);
    }
}
