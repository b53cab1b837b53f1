using Search.Core.Facets;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis.Languages;
using Search.Core.Indexing.Writing;
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
    /// <summary>The index's letter rules (<see cref="AnalysisSettings.Letters"/>).</summary>
    public int Letters { get; init; } = AnalysisSettings.LatestLetters;

    /// <summary>What an index built before this version's letter rules misses, and the fix.</summary>
    public const string OlderLetterRules = "built before this version's letter rules: accents written as separate marks, ligatures, İ, ё and subscript digits are not searched as they are written; `search index --rebuild` applies them";
    public required IReadOnlyList<string> Fields { get; init; }
    /// <summary>How each language of the index is analysed, by ISO 639-1 code (`und`: undetermined).</summary>
    public IReadOnlyDictionary<string, string> Languages { get; init; } = new Dictionary<string, string>();
    public string? Oldest { get; init; }
    public string? Newest { get; init; }
    public int Undated { get; init; }
    /// <summary>Per facet dimension: number of distinct values and the most common ones.</summary>
    public required IReadOnlyDictionary<string, DimensionStats> Dimensions { get; init; }

    public sealed record DimensionStats(int Distinct, IReadOnlyList<FacetValue> Top);

    /// <summary>The folders and files the index was built from, with what each holds now.</summary>
    public IReadOnlyList<RootStats> Roots { get; init; } = Array.Empty<RootStats>();

    /// <summary>One recorded root: its absolute path, whether it is there now, and the files and
    /// articles the index holds from it.</summary>
    public sealed record RootStats(string Path, bool Exists, int Files, int Articles);

    private static string Describe(string code, AnalysisSettings analysis)
    {
        var chain = LanguageChains.Chain(LanguageChains.KeyOf(code));
        return chain == null
            ? $"English analysis ({analysis.Stemmer} stemming, stop words {(analysis.StopWords ? "on" : "off")})"
            : chain == LanguageChains.Plain ? "lower case and accents folded only" : $"{chain.Name}: {chain.Describe(analysis)}";
    }

    internal static IndexStats Compute(IndexSearcher searcher, LuceneDirectory dir, string path, AnalysisSettings analysis, int topValues)
    {
        var reader = searcher.IndexReader;
        var files = reader is DirectoryReader directoryReader ? IndexState.Load(directoryReader) : new();
        var roots = RecordedRoots.Read(path).Select(root =>
        {
            var under = files.Where(f => f.Key == root || f.Key.StartsWith(root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
            return new RootStats(root, System.IO.Directory.Exists(root) || System.IO.File.Exists(root), under.Count, under.Sum(f => f.Value.Articles));
        }).ToList();
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
        long size = SizeOnDisk(dir);
        // The fields a query can name that hold something in this index.
        var present = MultiFields.GetMergedFieldInfos(reader).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var fields = ArticleQueryParser.KnownFields
            .Where(f => present.Contains(f) || present.Contains(FacetDimensions.Field(f)))
            .Order(StringComparer.Ordinal).ToList();
        return new IndexStats
        {
            Roots = roots,
            Index = path,
            Documents = reader.NumDocs,
            Segments = reader.Leaves.Count,
            SizeBytes = size,
            SchemaVersion = Schema.Version,
            Stemmer = analysis.Stemmer,
            StopWords = analysis.StopWords,
            Letters = analysis.Letters,
            Fields = fields,
            Oldest = oldest,
            Newest = newest,
            Undated = reader.NumDocs - dated,
            Dimensions = dims,
            Languages = LanguageQueries.CodesIn(reader).ToDictionary(c => c, c => Describe(c, analysis)),
        };
    }

    /// <summary>The index folder's files, in bytes; 0 when the folder is gone (deleted or moved
    /// under an open console or server, whose open files still answer).</summary>
    private static long SizeOnDisk(LuceneDirectory dir)
    {
        try
        {
            return dir.ListAll().Sum(f => { try { return dir.FileLength(f); } catch (IOException) { return 0L; } });
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
