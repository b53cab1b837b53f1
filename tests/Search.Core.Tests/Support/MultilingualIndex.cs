using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Querying;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Support;

/// <summary>
/// One index of the German derStandard CSV, the Russian FactRuEval texts and BBC (English), from
/// ../shared, built once for the tests that share it; nothing is built where ../shared is absent
/// (the tests are skipped there).
/// </summary>
public sealed class MultilingualIndex : IDisposable
{
    private readonly TempDir _dir = new();
    private ArticleSearcher? _searcher;

    public string IndexPath => Path.Combine(_dir.Path, "index");

    public static string German => SharedCorpus.Path("corpora", "multilingual", "de-10kgnad");
    public static string Russian => SharedCorpus.Path("corpora", "multilingual", "ru-factrueval");
    public static string Bbc => SharedCorpus.Path("corpora", "bbc");

    /// <summary>The searcher; the index is built on first use.</summary>
    public ArticleSearcher Searcher
    {
        get
        {
            lock (_dir)
            {
                if (_searcher == null)
                {
                    IndexBuilder.Build(new BuildOptions
                    {
                        Roots = new[] { German, Russian, Bbc },
                        IndexPath = IndexPath,
                        // The German CSV has no header: section;text.
                        Csv = new CsvSettings { Columns = CsvSettings.ParseColumns("section,body"), ColumnsText = "section,body" },
                    });
                    _searcher = ArticleSearcher.Open(IndexPath);
                }
                return _searcher;
            }
        }
    }

    /// <summary>Every article the query (and filters) match, as ids.</summary>
    public HashSet<string> Ids(string query, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null) =>
        Searcher.SearchAll(new SearchRequest { Query = query, Filters = filters ?? new Dictionary<string, IReadOnlyList<string>>() })
            .Select(h => h.Id).ToHashSet();

    public void Dispose()
    {
        _searcher?.Dispose();
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MultilingualIndexCollection : ICollectionFixture<MultilingualIndex>
{
    public const string Name = "multilingual index";
}
