using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Querying.Ranking;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>
/// A stem in title or body is found as every term it is indexed as: compared with an index of the
/// same seed texts that holds the stem at every word (the stemming analyser alone, as the index
/// once did beside the exact forms), the stem's documents, occurrences and proximity matches are
/// the same.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class StemFormsTests(SeedIndex seeds)
{
    private static readonly ArticleAnalyzers Analyzers = new(AnalysisSettings.Default);

    [Fact]
    public void A_field_query_finds_every_form_of_its_stem()
    {
        using var dir = FSDirectory.Open(seeds.IndexPath);
        using var reader = DirectoryReader.Open(dir);
        using var stems = StemsOnly(reader);
        using var stemReader = DirectoryReader.Open(stems);
        int withSeveralForms = 0;
        foreach (string word in new[] { "markets", "elections", "protesters", "police", "said", "countries", "dying", "years" })
        {
            var query = Parse($"body:{word}");
            var stem = Assert.IsType<StemQuery>(query);
            var forms = StemForms.Of(reader.Context, Schema.Body, stem.Term.Text, Analyzers.Stemmed);
            if (forms.Terms.Length > 1)
                withSeveralForms++;
            var expected = new Term(Schema.Body, stem.Term.Text);
            Assert.Equal(stemReader.DocFreq(expected), forms.DocFreq);
            Assert.Equal(stemReader.TotalTermFreq(expected), forms.TotalTermFreq);
            Assert.Equal(Docs(new IndexSearcher(stemReader), new TermQuery(expected)), Docs(new IndexSearcher(reader), query));
        }
        Assert.True(withSeveralForms >= 5, $"only {withSeveralForms} stems with several forms");
    }

    [Fact]
    public void A_proximity_pair_finds_its_stems_near_each_other_in_every_form()
    {
        using var dir = FSDirectory.Open(seeds.IndexPath);
        using var reader = DirectoryReader.Open(dir);
        using var stems = StemsOnly(reader);
        using var stemReader = DirectoryReader.Open(stems);
        int matched = 0;
        foreach (var (a, b) in new[] { ("elect", "result"), ("polic", "protest"), ("minist", "said"), ("countri", "year") })
        {
            var pair = new StemPair(Schema.Body, a, b, 20, Analyzers.Stemmed);
            var phrase = new PhraseQuery { Slop = 20 };
            phrase.Add(new Term(Schema.Body, a));
            phrase.Add(new Term(Schema.Body, b));
            var expected = Docs(new IndexSearcher(stemReader), phrase);
            Assert.Equal(expected, Docs(new IndexSearcher(reader), pair));
            matched += expected.Count;
        }
        Assert.True(matched > 20, $"only {matched} matches");
    }

    [Fact]
    public void Quoted_words_are_the_terms_indexed_for_them_and_plain_ones_their_stems()
    {
        Assert.Equal("body:=markets", Parse("body:\"markets\"").ToString());
        Assert.IsType<TermQuery>(Parse("body:\"market\""));
        Assert.Equal("body:market", Parse("body:\"market\"").ToString());
        Assert.IsType<StemQuery>(Parse("body:market"));
        Assert.Equal("body:\"=markets fell\"", Parse("body:\"markets fell\"").ToString());
    }

    [Fact]
    public void Forms_are_found_by_prefix_even_where_the_stem_rewrites_the_end()
    {
        // porter2: happy -> happi, dying -> die, lying -> lie.
        Assert.Contains("hap", StemForms.CandidatePrefixes("happi", Analyzers.Stemmed));
        Assert.Contains("dy", StemForms.CandidatePrefixes("die", Analyzers.Stemmed));
        Assert.Equal("die", StemForms.StemOf(Analyzers.Stemmed, "dying"));
        Assert.Null(StemForms.StemOf(Analyzers.Stemmed, "the"));
    }

    [Fact]
    public void Every_words_exact_form_starts_with_a_candidate_prefix_of_its_stem()
    {
        // Every word of the seeds and (when ../shared is there) the BBC corpus, with its stem.
        IEnumerable<string> texts = seeds.StoredTexts();
        if (SharedCorpus.Root != null)
            texts = texts.Concat(System.IO.Directory.EnumerateFiles(SharedCorpus.Path("corpora", "bbc"), "*.txt", SearchOption.AllDirectories).Select(File.ReadAllText));
        int words = 0;
        var failures = new List<string>();
        foreach (string text in texts)
        {
            var terms = AnalyzedTerms.Of(Analyzers.Pairs, Schema.Body, text);
            for (int i = 0; i + 1 < terms.Count; i++)
            {
                if (terms[i][0] != Schema.ExactMarker || terms[i + 1][0] == Schema.ExactMarker)
                    continue; // a stop word: no stem
                string word = terms[i][1..], stem = terms[i + 1];
                words++;
                if (!StemForms.CandidatePrefixes(stem, Analyzers.Stemmed).Any(p => word.StartsWith(p, StringComparison.Ordinal)))
                    failures.Add($"{word} → {stem}");
            }
        }
        Assert.True(words > 5_000, $"only {words} words read");
        Assert.Empty(failures.Distinct().Take(20));
    }

    private static Query Parse(string text) => new Search.Core.Querying.ArticleQueryParser(Analyzers, 1000).ParseQuery(text);

    private static List<int> Docs(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 10_000).ScoreDocs.Select(d => d.Doc).Order().ToList();

    /// <summary>The seed bodies, in the same document order, with a stem at every word (no exact forms).</summary>
    private static RAMDirectory StemsOnly(IndexReader reader)
    {
        var dir = new RAMDirectory();
        var config = new IndexWriterConfig(ArticleAnalyzer.Version, Analyzers.Stemmed) { OpenMode = OpenMode.CREATE };
        using var writer = new IndexWriter(dir, config);
        for (int d = 0; d < reader.MaxDoc; d++)
        {
            var doc = new Lucene.Net.Documents.Document
            {
                new Lucene.Net.Documents.TextField(Schema.Body, reader.Document(d).Get(Schema.Body) ?? "", Lucene.Net.Documents.Field.Store.NO),
            };
            writer.AddDocument(doc);
        }
        writer.ForceMerge(1);
        return dir;
    }
}
