using System.Text.RegularExpressions;
using Search.Core.Facets;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Facets;

/// <summary>Facet counts checked against answers computed independently from the raw files.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class SeedFacetTests
{
    private readonly SeedIndex _index;

    public SeedFacetTests(SeedIndex index) => _index = index;

    private IReadOnlyList<FacetValue> Facet(string dim, string query = "*", Dictionary<string, IReadOnlyList<string>>? filters = null) =>
        _index.Searcher.Search(new SearchRequest { Query = query, Facets = new[] { dim }, FacetLimit = 1000, Limit = 0, Filters = filters ?? new() }).Facets[dim];

    [Fact]
    public void Seed_article_places_source_author()
    {
        var seed = _index.Searcher.Get("000_9ea3fcf4dd3ee866.txt")!;
        Assert.Equal(new[] { "Kazakhstan", "Russia" }, seed.Places.Order());
        Assert.Equal("themoscowtimes.com", seed.Source);
        Assert.Equal("AFP", seed.Author);
        var places = Facet("place", "kazakh fsb");
        Assert.Equal(new[] { "Kazakhstan", "Russia" }, places.Select(v => v.Value).Order());
        Assert.All(places, v => Assert.Equal(1, v.Count));
    }

    [Fact]
    public void Year_histogram_matches_the_csv_dates()
    {
        var expected = new Dictionary<string, int>();
        foreach (string file in Directory.GetFiles(RepoPaths.Seeds, "*.csv"))
            foreach (Match m in Regex.Matches(File.ReadAllText(file), "^(?:\"https://en\\.wikinews\\.org[^\"]*\"|https://en\\.wikinews\\.org[^,\\n]*),(\\d{4})-\\d{2}-\\d{2},", RegexOptions.Multiline))
                expected[m.Groups[1].Value] = expected.GetValueOrDefault(m.Groups[1].Value) + 1;
        var years = Facet("year");
        Assert.Equal(expected.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)), years.Select(v => (v.Value, v.Count)));
        Assert.Equal(295, years.Sum(v => v.Count));
        // A date range in the query narrows the histogram.
        var narrowed = Facet("year", "published:[2020-01-01 TO 2020-12-31]");
        Assert.Equal(new[] { ("2020", expected["2020"]) }, narrowed.Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public void Filters_match_labels_case_insensitively_and_multi_select_keeps_other_values()
    {
        var all = Facet("source");
        var filtered = Facet("source", "*", new() { ["source"] = new[] { "THEMOSCOWTIMES.COM" } });
        Assert.Equal(all.Select(v => (v.Value, v.Count)), filtered.Select(v => (v.Value, v.Count)));
        Assert.True(filtered.Single(v => v.Value == "themoscowtimes.com").Selected);
        var result = _index.Searcher.Search(new SearchRequest { Query = "*", Filters = new Dictionary<string, IReadOnlyList<string>> { ["source"] = new[] { "themoscowtimes.com" } } });
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public void Field_syntax_on_facet_fields_works_in_queries()
    {
        Assert.Equal(_index.Search("*", limit: 0).Total - Facet("place").Where(v => v.Value == "Russia").Sum(v => v.Count),
            _index.Search("-place:russia", limit: 0).Total);
        Assert.Equal(Facet("place").Single(v => v.Value == "Russia").Count, _index.Search("place:russia", limit: 0).Total);
    }
}

/// <summary>The BBC corpus: five sections whose sizes are known.</summary>
public sealed class BbcFacetTests : IClassFixture<BbcFacetTests.BbcIndex>
{
    public sealed class BbcIndex : IDisposable
    {
        private readonly TempDir _dir = new();

        public BbcIndex()
        {
            if (SharedCorpus.Root == null)
                return;
            IndexBuilder.Build(new BuildOptions { Roots = new[] { SharedCorpus.Path("corpora", "bbc") }, IndexPath = _dir.Path + "/index" });
            Searcher = ArticleSearcher.Open(_dir.Path + "/index");
        }

        public ArticleSearcher? Searcher { get; }

        public void Dispose()
        {
            Searcher?.Dispose();
            _dir.Dispose();
        }
    }

    private static readonly string[] Sections = { "business", "entertainment", "politics", "sport", "tech" };
    private readonly ArticleSearcher _searcher;

    public BbcFacetTests(BbcIndex index) => _searcher = index.Searcher!;

    private SearchResult Run(string query, params (string Dim, string Value)[] filters) =>
        _searcher.Search(new SearchRequest
        {
            Query = query,
            Facets = new[] { "section", "place" },
            FacetLimit = 1000,
            Limit = 0,
            // Counted against the raw files: every article, BBC's copies of one story included.
            Collapse = false,
            Filters = filters.GroupBy(f => f.Dim).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Value).ToList()),
        });

    private static Dictionary<string, int> Counts(SearchResult r, string dim) => r.Facets[dim].ToDictionary(v => v.Value, v => v.Count);

    /// <summary>Per section, how many files contain the word (whole word, any case): computed from
    /// the raw files, not the index.</summary>
    private static Dictionary<string, int> FilesWithWord(string word) => Sections.ToDictionary(s => s, s =>
        Directory.GetFiles(SharedCorpus.Path("corpora", "bbc", s), "*.txt")
            .Count(f => Regex.IsMatch(File.ReadAllText(f, System.Text.Encoding.Latin1), $@"\b{word}\b", RegexOptions.IgnoreCase)));

    [SharedFact]
    public void Section_counts_over_all_articles()
    {
        var r = Run("*");
        Assert.Equal(2225, r.Total);
        Assert.Equal(new Dictionary<string, int> { ["business"] = 510, ["entertainment"] = 386, ["politics"] = 417, ["sport"] = 511, ["tech"] = 401 }, Counts(r, "section"));
        Assert.Equal(new[] { "sport", "business", "politics", "tech", "entertainment" }, r.Facets["section"].Select(v => v.Value));
    }

    [SharedFact]
    public void Section_counts_under_a_keyword_query()
    {
        var expected = FilesWithWord("referee").Where(kv => kv.Value > 0).ToDictionary();
        var r = Run("\"referee\"");
        Assert.Equal(expected, Counts(r, "section"));
        Assert.Equal(expected.Values.Sum(), r.Total);
    }

    [SharedFact]
    public void Filters_or_within_a_dimension_and_within_multi_select()
    {
        var sport = Run("*", ("section", "sport"));
        Assert.Equal(511, sport.Total);
        // Multi-select: the filtered dimension still shows every section with its full count.
        Assert.Equal(Counts(Run("*"), "section"), Counts(sport, "section"));
        Assert.True(sport.Facets["section"].Single(v => v.Value == "sport").Selected);

        var two = Run("*", ("section", "sport"), ("section", "Tech"));
        Assert.Equal(511 + 401, two.Total);

        // Across dimensions filters AND: section=business and place=United States.
        var usBusiness = Run("*", ("section", "business"), ("place", "united states"));
        int expected = Counts(Run("*", ("section", "business")), "place").GetValueOrDefault("United States");
        Assert.True(expected > 0);
        Assert.Equal(expected, usBusiness.Total);
        // Multi-select on place: a selected value that matches nothing shows with 0, the other
        // places keep the counts of the section's articles, and no article matches.
        var none = Run("*", ("section", "business"), ("place", "Atlantis"));
        Assert.Equal(0, none.Total);
        Assert.Equal(new FacetValue("Atlantis", 0, true), none.Facets["place"].Single(v => v.Value == "Atlantis"));
        Assert.Equal(Counts(Run("*", ("section", "business")), "place"), Counts(none, "place").Where(kv => kv.Key != "Atlantis").ToDictionary());
    }

    [SharedFact]
    public void Keyword_query_with_filter()
    {
        var expected = FilesWithWord("referee");
        var r = Run("\"referee\"", ("section", "sport"));
        Assert.Equal(expected["sport"], r.Total);
    }
}

/// <summary>Tags from JSON Lines arrays, against counts computed while writing the file.</summary>
public sealed class TagFacetTests
{
    [Fact]
    public void Tag_counts_equal_the_number_of_articles_carrying_each_tag()
    {
        using var dir = new TempDir();
        var random = new Random(20261129);
        string[] pool = { "economy", "elections", "climate", "sport", "health", "Technology", "war", "energy", "courts", "space", "migration", "culture" };
        var expected = new Dictionary<string, int>();
        using (var writer = new StreamWriter(Path.Combine(dir.Path, "articles.jsonl")))
        {
            for (int i = 0; i < 1500; i++)
            {
                var carried = pool.Where(_ => random.NextDouble() < 0.2).ToList();
                foreach (var t in carried)
                    expected[t] = expected.GetValueOrDefault(t) + 1;
                string array = string.Join(",", carried.Select(t => $"\"{t}\""));
                writer.WriteLine($"{{\"id\":\"t{i}\",\"title\":\"Article {i}\",\"body\":\"Body of article {i}.\",\"tags\":[{array}]}}");
            }
        }
        string index = Path.Combine(dir.Path, "index");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { Path.Combine(dir.Path, "articles.jsonl") }, IndexPath = index });
        using var searcher = ArticleSearcher.Open(index);
        var tags = searcher.Search(new SearchRequest { Query = "*", Facets = new[] { "tags" }, FacetLimit = 100, Limit = 0 }).Facets["tags"];
        Assert.Equal(expected.OrderBy(kv => kv.Key), tags.Select(v => new KeyValuePair<string, int>(v.Value, v.Count)).OrderBy(kv => kv.Key));
        // Sorted by count, then label.
        Assert.Equal(tags.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.OrdinalIgnoreCase), tags);
        // A filter on a tag keeps exactly its articles.
        Assert.Equal(expected["Technology"], searcher.Search(new SearchRequest { Query = "*", Limit = 0, Filters = new Dictionary<string, IReadOnlyList<string>> { ["tags"] = new[] { "technology" } } }).Total);
    }
}
