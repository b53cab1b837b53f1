using Search.Core.Enrich.Languages;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Indexing.Analysis.Languages;
using Search.Core.Querying;
using Xunit;

namespace Search.Core.Tests.Indexing.Analysis.Languages;

public sealed class LanguageChainsTests
{
    private static readonly ArticleAnalyzers English = new(AnalysisSettings.Default);

    private static List<string> Stemmed(string language, string text) =>
        AnalyzedTerms.Of(English.For(LanguageChains.KeyOf(language)).Stemmed, Schema.Body, text);

    [Fact]
    public void German_forms_of_a_noun_share_a_stem_and_stop_words_are_dropped()
    {
        Assert.Single(Stemmed("de", "Kind Kinder Kindern Kindes").Distinct());
        Assert.Empty(Stemmed("de", "der die und für über"));
    }

    [Fact]
    public void Russian_forms_of_a_noun_share_a_stem_and_stop_words_are_dropped()
    {
        Assert.Single(Stemmed("ru", "министр министра министром министров").Distinct());
        // The -мя nouns change their stem: время, времени, временем, времена.
        Assert.Single(Stemmed("ru", "время времени временем времена").Distinct());
        Assert.Empty(Stemmed("ru", "и в на не что"));
    }

    [Fact]
    public void Every_stop_list_language_detection_counts_is_the_one_its_articles_are_indexed_without()
    {
        foreach (var (code, words) in StopWordLists.LatinScript.Concat(StopWordLists.OtherScripts))
        {
            Assert.Same(words, LanguageChains.ByCode[code].StopWords);
            string first = words.First(w => w.All(char.IsLetter));
            Assert.Empty(Stemmed(code, first));
        }
    }

    [Fact]
    public void Turkish_capitals_lower_to_dotless_and_dotted_i_as_Turkish_writes_them()
    {
        Assert.Equal(Stemmed("tr", "kadınlar İstanbul'da"), Stemmed("tr", "KADINLAR İSTANBUL'DA"));
        Assert.NotEmpty(Stemmed("tr", "KADINLAR"));
    }

    [Fact]
    public void Greek_capitals_and_accents_lower_to_the_form_its_stemmer_reads()
    {
        Assert.Equal(Stemmed("el", "αθήνα"), Stemmed("el", "ΑΘΗΝΑ"));
        Assert.Equal(Stemmed("el", "λόγος"), Stemmed("el", "ΛΌΓΟΣ"));
        Assert.NotEmpty(Stemmed("el", "ΑΘΗΝΑ"));
    }

    [Fact]
    public void Turkish_and_Greek_articles_are_indexed_and_found_whatever_the_case_typed()
    {
        // Lucene's Turkish and Greek lower-case filters ask for their culture, which this process
        // (invariant globalization) lacks: the first such article used to fail the whole build.
        using var dir = new TempDir();
        dir.File("in/news.csv", "title,body,language\n"
            + "\"İstanbul haberleri\",\"KADINLAR ve çocuklar İstanbul sokaklarında yürüdü.\",tr\n"
            + "\"Αθήνα\",\"Η ΚΥΒΈΡΝΗΣΗ ανακοίνωσε νέα μέτρα για την οικονομία.\",el\n");
        string index = dir.Sub("index");
        var summary = IndexBuilder.Build(new BuildOptions { Roots = [dir.Sub("in")], IndexPath = index });
        Assert.Equal(2, summary.ArticlesAdded);
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "kadınlar" }).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "κυβέρνηση" }).Total);
    }

    [Fact]
    public void Chinese_is_cut_in_overlapping_character_pairs_not_kept_as_one_token()
    {
        Assert.Equal(["中华", "华人", "人民", "民共", "共和", "和国"], Stemmed("zh", "中华人民共和国"));
    }

    [Fact]
    public void Exact_terms_keep_the_typed_form_for_phrases()
    {
        // One term per word: the exact form where the stem differs, the bare stem where it is the word.
        Assert.Equal([Schema.ExactMarker + "kindern", "kind"], AnalyzedTerms.Of(English.For("de").Index, Schema.Title, "Kindern Kind"));
        Assert.Equal([Schema.ExactMarker + "kindern", "kind"], AnalyzedTerms.Of(English.For("de").Exact, Schema.Title, "Kindern Kind"));
        Assert.Equal([Schema.ExactMarker + "kindern", "kind"], AnalyzedTerms.Of(English.For("de").Pairs, Schema.Title, "Kindern"));
    }

    [Fact]
    public void English_undetermined_and_unstated_articles_keep_the_english_analysis()
    {
        Assert.Equal(LanguageChains.English, LanguageChains.KeyOf("en"));
        Assert.Equal(LanguageChains.English, LanguageChains.KeyOf("und"));
        Assert.Equal(LanguageChains.English, LanguageChains.KeyOf(null));
        Assert.Null(LanguageChains.Chain(LanguageChains.English));
        Assert.Same(English, English.For(LanguageChains.English));
    }

    [Fact]
    public void A_language_without_a_stemmer_in_analysis_common_is_only_lower_cased_and_folded()
    {
        Assert.Equal(LanguageChains.Plain.Code, LanguageChains.KeyOf("pl"));
        Assert.Equal(["zolw", "zolwie"], Stemmed("pl", "Żółw żółwie"));
    }

    [Fact]
    public void The_index_records_each_languages_analysis_and_a_change_of_stemmer_differs()
    {
        var light = (AnalysisSettings.Default with { LanguageStemmer = LanguageStemming.Light }).ToUserData()["analysis.languages"];
        var snowball = AnalysisSettings.Default.ToUserData()["analysis.languages"];
        Assert.Contains("de: light stemmer, stop words", light);
        Assert.Contains("de: snowball stemmer, stop words", snowball);
        var lightSettings = AnalysisSettings.Default with { LanguageStemmer = LanguageStemming.Light };
        Assert.Equal(lightSettings, AnalysisSettings.FromUserData(lightSettings.ToUserData()));
    }
}
