using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Facets;
using Search.Core.Indexing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Querying;

/// <summary>Figures about an index; property names are the JSON of `search stats --json`.</summary>
public sealed class IndexStats
{
    public required string Index { get; init; }
    public required int Documents { get; init; }
    public required int Segments { get; init; }
    public required long SizeBytes { get; init; }
    public required int SchemaVersion { get; init; }
    public required string Stemmer { get; init; }
    public required bool StopWords { get; init; }
    public required IReadOnlyList<string> Fields { get; init; }
    public string? Oldest { get; init; }
    public string? Newest { get; init; }
    public int Undated { get; init; }
    /// <summary>Per facet dimension: number of distinct values and the most common ones.</summary>
    public required IReadOnlyDictionary<string, DimensionStats> Dimensions { get; init; }

    public sealed record DimensionStats(int Distinct, IReadOnlyList<FacetValue> Top);

    internal static IndexStats Compute(IndexSearcher searcher, LuceneDirectory dir, string path, AnalysisSettings analysis, int topValues)
    {
        var reader = searcher.IndexReader;
        var facets = new FacetCollector(FacetDimensions.All);
        searcher.Search(new MatchAllDocsQuery(), facets);
        var dims = FacetDimensions.All.ToDictionary(d => d, d =>
            new DimensionStats(facets.Counts(d).Count, facets.Top(d, topValues, Array.Empty<string>())));

        string? oldest = null, newest = null;
        var published = MultiFields.GetTerms(reader, Schema.Published);
        int dated = 0;
        if (published != null)
        {
            var terms = published.GetEnumerator();
            while (terms.MoveNext())
            {
                string date = terms.Term.Utf8ToString();
                oldest ??= date;
                newest = date;
            }
            var counter = new TotalHitCountCollector();
            searcher.Search(new TermRangeQuery(Schema.Published, null, null, true, true), counter);
            dated = counter.TotalHits;
        }
        long size = dir.ListAll().Sum(f => { try { return dir.FileLength(f); } catch (IOException) { return 0L; } });
        // The fields a query can name that hold something in this index.
        var present = MultiFields.GetMergedFieldInfos(reader).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var fields = ArticleQueryParser.KnownFields
            .Where(f => present.Contains(f) || present.Contains(FacetDimensions.Field(f)))
            .Order(StringComparer.Ordinal).ToList();
        return new IndexStats
        {
            Index = path,
            Documents = reader.NumDocs,
            Segments = reader.Leaves.Count,
            SizeBytes = size,
            SchemaVersion = Schema.Version,
            Stemmer = analysis.Stemmer,
            StopWords = analysis.StopWords,
            Fields = fields,
            Oldest = oldest,
            Newest = newest,
            Undated = reader.NumDocs - dated,
            Dimensions = dims,
        };
    }
}
