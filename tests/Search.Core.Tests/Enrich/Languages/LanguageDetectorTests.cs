using Search.Core.Enrich;
using Search.Core.Enrich.Languages;
using Search.Core.Ingest;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Enrich.Languages;

public sealed class LanguageDetectorTests
{
    private static readonly SourceFile File = new("/r/a.csv", "a.csv", "/r");

    /// <summary>The seed articles: English Wikinews and one English text.</summary>
    private static IEnumerable<Article> Seeds() =>
        Directory.EnumerateFiles(RepoPaths.Seeds).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).SelectMany(path =>
        {
            var source = new SourceFile(path, Path.GetFileName(path), RepoPaths.Seeds);
            var reader = ReaderRegistry.Default.Resolve(source).Reader!;
            return reader.Read(source).Select(i => i.Article).OfType<Article>().ToList();
        });

    [Fact]
    public void Every_seed_article_is_english()
    {
        var seeds = Seeds().ToList();
        Assert.True(seeds.Count > 100);
        var wrong = seeds.Where(a => a.Body.Length > 200).Select(a => (a.Title, Language: LanguageDetector.Default.Detect(a.Title, a.Body)))
            .Where(x => x.Language != "en").ToList();
        Assert.Empty(wrong);
    }

    private static double EnglishShareWordByWord(string text)
    {
        var words = WordSpans.Words(text).ToList();
        return words.Count == 0 ? 0 : (double)words.Count(EnglishWords.Contains) / words.Count;
    }

    /// <summary>The English share, written out for speed, counts exactly the words the detector
    /// reads (<see cref="WordSpans"/>), so no article's language can change with it.</summary>
    [Fact]
    public void The_english_share_is_the_share_of_the_detectors_words_that_are_english_function_words()
    {
        static double Expected(string text) => EnglishShareWordByWord(text);
        var texts = Seeds().Select(a => LanguageDetector.Sample(a.Title, a.Body))
            .Concat(["", "...", "The", "it's the 'end' of it", "and-the  the1of", "Über die Straße and the Bäume", "'the", "of'"]).ToList();
        Assert.True(texts.Count > 100);
        Assert.All(texts, t => Assert.Equal(Expected(t), EnglishWords.Share(t)));
        Assert.Equal(0.5, EnglishWords.Share("THE cat"));
    }

    /// <summary>The same on the labelled sets of docs/languages.md (German, Russian, BBC, declared pages).</summary>
    [SharedFact]
    public void The_english_share_is_unchanged_on_the_labelled_sets()
    {
        var samples = Search.Benchmarks.Languages.LabelledTexts.All(SharedCorpus.Path("corpora"))
            .Select(t => LanguageDetector.Sample(t.Title, t.Body)).ToList();
        Assert.True(samples.Count > 3000);
        Assert.Empty(samples.Where(s => EnglishWords.Share(s) != EnglishShareWordByWord(s)).Take(3));
    }

    [Fact]
    public void Too_little_text_is_undetermined()
    {
        Assert.Equal("und", LanguageDetector.Default.Detect("", "12:30 — 4:2"));
        Assert.Equal("und", LanguageDetector.Default.Detect("ok", ""));
    }

    [Theory]
    [InlineData("electronic digital computers")] // Lingua alone: Latin
    [InlineData("gravitational torque on a satellite vehicle")] // Lingua alone: not English
    [InlineData("international data on magnetic disturbances third quarter")]
    public void A_short_unaccented_title_is_never_guessed_as_another_language(string text)
    {
        Assert.Contains(LanguageDetector.Default.Detect("", text), new[] { "en", "und" });
        Assert.NotEqual("en", LanguageDetector.Default.ByLingua(text));
    }

    [Fact]
    public void A_declared_language_wins_over_detection()
    {
        var seed = Seeds().First(a => a.Body.Length > 500);
        var declared = new Article { Title = seed.Title, Body = seed.Body, Language = "de-AT" };
        ArticleEnricher.Enrich(declared, File);
        Assert.Equal("de", declared.Language);

        var undeclared = new Article { Title = seed.Title, Body = seed.Body };
        ArticleEnricher.Enrich(undeclared, File);
        Assert.Equal("en", undeclared.Language);
    }

    [Fact]
    public void A_table_needs_the_function_words_of_the_language_named_for_it()
    {
        const string table = "BOISE, Idaho, March 2 - Shr 9 cts vs 12 cts Net 1,025,000 vs 1,337,000 Revs 45.3 mln vs 41.8 mln Avg shrs 11.2 mln vs 11.1 mln";
        Assert.True(FigureTables.Unsupported(table, "fr"));
        Assert.True(FigureTables.Unsupported(table, "cy")); // no stop list to back Welsh
        const string frenchTable = "Le chiffre d'affaires est de 45,3 millions contre 41,8 et le résultat de 1,2 million contre 1,1 pour 9 mois de 2023 à 2024 ; 12 % 15 % 3,5 % 7 %";
        Assert.False(FigureTables.Unsupported(frenchTable, "fr"));
        const string prose = "Le gouvernement a annoncé mercredi 12 mesures pour 2024, dont une aide de 3 milliards aux entreprises.";
        Assert.False(FigureTables.Unsupported(prose, "fr"));
    }

    [Fact]
    public void Figures_in_prose_leave_its_language_alone()
    {
        const string german = "Die Aktie der Deutschen Bank stieg am Freitag um 2,5 Prozent auf 45,10 Euro, die der Post fiel um 1,2 Prozent auf 30,05 Euro, und die Papiere von BMW gewannen 0,8 Prozent auf 90,20 Euro. Der Leitindex schloss bei 15.204 Punkten.";
        Assert.Equal("de", LanguageDetector.Default.Detect("Börse", german));
    }

    [SharedFact]
    public void Reuters_tables_of_figures_are_english_or_undetermined()
    {
        string folder = SharedCorpus.Path("corpora", "reuters21578");
        var articles = Directory.GetFiles(folder, "*.sgm").Order(StringComparer.Ordinal)
            .SelectMany(path => new Search.Core.Ingest.Xml.ReutersSgmlReader().Read(new SourceFile(path, Path.GetFileName(path), folder)))
            .Select(i => i.Article).OfType<Article>().ToList();
        // Earnings reports, the wire's tables of figures ("Shr 9 cts vs 12 cts Net …"): before the
        // table rule 74 of these 1,421 were named French, Welsh, Latin, Tagalog, Yoruba…
        var earnings = articles.Where(a => a.Title.Contains(" QTR ", StringComparison.Ordinal) && a.Body.Contains("Shr ", StringComparison.Ordinal)).ToList();
        Assert.Equal(1_421, earnings.Count);
        var named = earnings.Select(a => LanguageDetector.Default.Detect(a.Title, a.Body)).Where(l => l is not ("en" or "und")).ToList();
        Assert.True(named.Count * 100 <= earnings.Count, $"{named.Count} earnings tables named {string.Join(", ", named)}");
    }

    [SharedFact]
    public void German_and_russian_news_are_detected_as_their_language()
    {
        string csv = Path.Combine(Support.MultilingualIndex.German, "test.csv");
        var german = System.IO.File.ReadLines(csv).Take(200).Select(l => l[(l.IndexOf(';') + 1)..]).ToList();
        Assert.All(german, text => Assert.Equal("de", LanguageDetector.Default.Detect("", text)));
        var russian = Directory.EnumerateFiles(Support.MultilingualIndex.Russian, "book_*.txt", SearchOption.AllDirectories).Take(100).ToList();
        Assert.All(russian, path => Assert.Equal("ru", LanguageDetector.Default.Detect("", System.IO.File.ReadAllText(path))));
    }

    [SharedFact]
    public void English_news_is_settled_without_the_model_and_german_news_never_as_english()
    {
        // Asking Lingua once loads every language model (about a second and 160 MB): an English
        // archive should never need it, wire copy with few function words included.
        var needModel = Directory.EnumerateFiles(SharedCorpus.Path("corpora", "bbc"), "*.txt", SearchOption.AllDirectories)
            .Select(path => System.IO.File.ReadAllText(path))
            .Where(text => LanguageDetector.WithoutModel(LanguageDetector.Sample("", text)) != "en").Take(5).ToList();
        Assert.Empty(needModel);
        string csv = Path.Combine(Support.MultilingualIndex.German, "test.csv");
        var german = System.IO.File.ReadLines(csv).Select(l => l[(l.IndexOf(';') + 1)..]).ToList();
        Assert.True(german.Count > 500);
        Assert.DoesNotContain(german, text => LanguageDetector.WithoutModel(LanguageDetector.Sample("", text)) == "en");
    }
}
