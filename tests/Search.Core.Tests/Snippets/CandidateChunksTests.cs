using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Querying;
using Search.Core.Snippets;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Snippets;

/// <summary>
/// Snippets made from the stretches <see cref="CandidateChunks"/> picks are the snippets of the
/// whole body analysed, on real text (the seed articles and the BBC corpus): the rule the scan
/// rests on (a stem keeps all but its last two characters of its word) holds for every word of
/// the corpus with each supported stemmer, and the snippets and highlighted titles are equal.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class CandidateChunksTests
{
    private readonly SeedIndex _index;

    public CandidateChunksTests(SeedIndex index) => _index = index;

    /// <summary>The seed articles and the BBC corpus (every <paramref name="step"/>th file: the
    /// snippet comparison runs for many queries).</summary>
    private IEnumerable<string> Bodies(int step = 1)
    {
        IEnumerable<string> texts = _index.StoredTexts();
        if (SharedCorpus.Root != null)
            texts = texts.Concat(Directory.EnumerateFiles(SharedCorpus.Path("corpora", "bbc"), "*.txt", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).Where((_, i) => i % step == 0).Select(File.ReadAllText));
        return texts;
    }

    [Theory]
    [InlineData("porter")]
    [InlineData("porter2")]
    [InlineData("minimal")]
    [InlineData("none")]
    public void Every_words_stem_starts_its_surface_form_but_for_the_last_two_characters(string stemmer)
    {
        Assert.True(CandidateChunks.SupportsStemmer(stemmer));
        var analyzer = new ArticleAnalyzer(new AnalysisSettings(stemmer), TextMode.Pairs);
        int words = 0;
        var failures = new List<string>();
        // Every word of the corpus for the default stemmer; a third of the files for the others
        // (half of each in the default run, all of it in the long run .ci/run sets).
        int longRun = LongTests.Enabled ? 1 : 2;
        foreach (string text in Bodies(step: (stemmer == AnalysisSettings.Default.Stemmer ? 1 : 3) * longRun))
        {
            using var stream = analyzer.GetTokenStream(Schema.Body, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                string surface = text[offset.StartOffset..offset.EndOffset];
                if (surface.Any(c => c >= 128))
                    continue; // the scan hands words with other characters to the analyser
                words++;
                string key = CandidateChunks.KeyOf(term.ToString());
                if (!surface.StartsWith(key, StringComparison.OrdinalIgnoreCase))
                    failures.Add($"{surface} → {term}");
            }
            stream.End();
        }
        Assert.True(words > 5_000, $"only {words} words read");
        Assert.Empty(failures.Distinct().Take(20));
    }

    public static TheoryData<string> Queries() => new()
    {
        "government", "election", "oil prices", "\"prime minister\"", "\"the game\"", "market NOT oil", "terror*", "elect*",
        "goverment~", "economy growth", "u.s. dollar", "café", "children's", "running happily", "e-mail", "1990s",
        "title:england", "\"world cup\" OR football", "labour party",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Snippets_from_the_scanned_stretches_equal_those_of_the_whole_body(string query)
    {
        var searcher = _index.Searcher;
        var analyzers = searcher.Analyzers;
        var parsed = QueryPlan.Parse(new SearchRequest { Query = query }, analyzers, searcher.Ranking).Query;
        using var dir = Lucene.Net.Store.FSDirectory.Open(_index.IndexPath);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(dir);
        var expanded = new Lucene.Net.Search.IndexSearcher(reader).Rewrite(parsed);
        var snippetQuery = RankedSearch.ForSnippets(parsed, expanded);
        var scanned = new SnippetBuilder(snippetQuery, reader, analyzers);
        var whole = new SnippetBuilder(snippetQuery, reader, analyzers, analyseWholeBodies: true);
        int marked = 0;
        foreach (string body in Bodies(step: LongTests.Enabled ? 4 : 8))
        {
            string expected = whole.Body(body);
            Assert.Equal(expected, scanned.Body(body));
            Assert.Equal(whole.WholeBody(body), scanned.WholeBody(body));
            foreach (string line in body.Split('\n', 6).Take(5)) // a title's length: its first lines
                Assert.Equal(whole.Title(line), scanned.Title(line));
            marked += expected.Contains(Highlight.Open) ? 1 : 0;
        }
        Assert.True(marked > 0 || query is "café" or "u.s. dollar" or "goverment~" or "title:england", $"no body has a match for {query}");
    }
}
