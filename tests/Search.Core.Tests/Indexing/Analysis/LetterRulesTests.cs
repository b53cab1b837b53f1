using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Analysis;

/// <summary>Letter rules 1 (<see cref="AnalysisSettings.Letters"/>): İ is i in every chain but Turkish's, ё is е in
/// Russian; an index built before them is searched as it was built.</summary>
public sealed class LetterRulesTests
{
    [Fact]
    public void A_capital_dotted_I_is_found_by_the_word_typed_in_lower_or_upper_case_in_English_and_German_articles()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "en.txt"),
            "Storm closes İstanbul airport\n\nFlights out of İstanbul and İzmir were cancelled on Monday as the storm reached the coast, " +
            "the airport operator said, and passengers were told to check with their airlines before travelling.\n");
        File.WriteAllText(Path.Combine(root, "de.txt"),
            "Sturm in der Türkei\n\nDer Flughafen von İzmir wurde am Montag wegen des Sturms geschlossen, teilte der Betreiber mit. " +
            "Die Reisenden sollen sich bei ihren Fluggesellschaften erkundigen, bevor sie zum Flughafen fahren.\n");
        string index = Path.Combine(dir.Path, "index");
        RunBuild(new BuildOptions { Roots = [root], IndexPath = index });

        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal("de", searcher.Get("de.txt")!.Language);
        string Found(string query) => string.Join(",", searcher.Search(new SearchRequest { Query = query }).Hits.Select(h => h.Id).Order());
        Assert.Equal("en.txt", Found("istanbul"));
        Assert.Equal("en.txt", Found("Istanbul"));
        Assert.Equal("en.txt", Found("İstanbul"));
        Assert.Equal("en.txt", Found("\"istanbul airport\""));
        Assert.Equal("de.txt,en.txt", Found("izmir"));
        Assert.Equal("de.txt,en.txt", Found("İZMİR"));
    }

    private const string Russian =
        "Пётр Иванов ещё раз выступил в Москве\n\nПётр Иванов ещё раз выступил в Москве в четверг и сказал, что ещё не решил, " +
        "будет ли он участвовать в выборах. Его сторонники считают, что у него есть шансы на победу, если кампания начнётся вовремя.\n";

    [Fact]
    public void Russian_yo_and_ye_are_one_letter_in_words_and_phrases()
    {
        using var dir = new TempDir();
        string index = Build(dir, new AnalysisSettings());
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal("ru", searcher.Get("ru.txt")!.Language);
        foreach (string query in new[] { "Петр", "Пётр", "начнется", "начнётся", "\"Петр Иванов еще раз\"", "ПЁТР" })
            Assert.Single(searcher.Search(new SearchRequest { Query = query }).Hits);
    }

    [Fact]
    public void Persian_written_with_the_Arabic_yeh_and_kaf_is_found_by_either_form()
    {
        const string persian = "تهران پایتخت ایران است و بزرگترین شهر کشور به شمار می‌رود. جمعیت این شهر بیش از هشت میلیون نفر است " +
            "و مرکز سیاسی و اقتصادی کشور است. بسیاری از دانشگاه‌های بزرگ کشور در این شهر قرار دارند.";
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "persian.txt"), "تهران\n\n" + persian + "\n");
        File.WriteAllText(Path.Combine(root, "arabic-letters.txt"), "تهران\n\n" + persian.Replace('\u06CC', '\u064A').Replace('\u06A9', '\u0643') + "\n");
        string index = Path.Combine(dir.Path, "index");
        RunBuild(new BuildOptions { Roots = [root], IndexPath = index });
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(("fa", "fa"), (searcher.Get("persian.txt")!.Language, searcher.Get("arabic-letters.txt")!.Language));
        foreach (string query in new[] { "ایران", "ايران", "کشور", "كشور", "\"پایتخت ایران\"" })
            Assert.Equal(2, searcher.Search(new SearchRequest { Query = query }).Total);
    }

    [Fact]
    public void Subscript_digits_are_the_digits_people_type_and_the_snippet_marks_the_words_as_written()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "air.txt"), "CO₂ and PM₂.₅ levels rise\n\nThe city measured record CO₂ emissions and PM₂.₅ readings, " +
            "and water (H₂O) use fell, the report said; the footnote¹ was about methane.\n");
        string index = Path.Combine(dir.Path, "index");
        RunBuild(new BuildOptions { Roots = [root], IndexPath = index });
        using var searcher = ArticleSearcher.Open(index);
        foreach (string query in new[] { "CO2", "co₂", "\"CO2 emissions\"", "H2O", "PM2.5", "footnote" })
            Assert.Single(searcher.Search(new SearchRequest { Query = query }).Hits);
        var hit = Assert.Single(searcher.Search(new SearchRequest { Query = "\"co2 emissions\"" }).Hits);
        Assert.Contains($"{Search.Core.Snippets.Highlight.Open}CO₂ emissions{Search.Core.Snippets.Highlight.Close}", hit.Snippet.Replace($"{Search.Core.Snippets.Highlight.Close} {Search.Core.Snippets.Highlight.Open}", " "), StringComparison.Ordinal);
        Assert.Empty(searcher.Search(new SearchRequest { Query = "footnote1" }).Hits);
    }

    [Fact]
    public void An_index_built_before_the_rules_is_searched_as_it_was_built()
    {
        using var dir = new TempDir();
        string index = Build(dir, new AnalysisSettings(Letters: 0));
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(0, searcher.Analysis.Letters);
        Assert.Single(searcher.Search(new SearchRequest { Query = "Пётр" }).Hits);
        Assert.Single(searcher.Search(new SearchRequest { Query = "İstanbul" }).Hits);
        Assert.Empty(searcher.Search(new SearchRequest { Query = "Петр" }).Hits);
        // A later build adds to it by its own rules, whatever the build asks.
        File.AppendAllText(Path.Combine(dir.Path, "archive", "ru.txt"), "Пётр ещё вернётся.\n");
        var added = RunBuild(new BuildOptions { Roots = [Path.Combine(dir.Path, "archive")], IndexPath = index });
        using var again = ArticleSearcher.Open(index);
        Assert.Equal(0, again.Analysis.Letters);
        Assert.Single(again.Search(new SearchRequest { Query = "Пётр" }).Hits);
        // And the build and stats say so, with the fix.
        Assert.True(added.OlderLetterRules);
        Assert.Equal(0, again.Stats().Letters);
        var rebuilt = RunBuild(new BuildOptions { Roots = [Path.Combine(dir.Path, "archive")], IndexPath = index, Rebuild = true });
        Assert.False(rebuilt.OlderLetterRules);
        using var current = ArticleSearcher.Open(index);
        Assert.Equal(AnalysisSettings.LatestLetters, current.Stats().Letters);
        Assert.Single(current.Search(new SearchRequest { Query = "Петр" }).Hits);
    }

    private static string Build(TempDir dir, AnalysisSettings analysis)
    {
        string root = Path.Combine(dir.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "ru.txt"), Russian);
        File.WriteAllText(Path.Combine(root, "en.txt"), "Storm closes İstanbul airport\n\nFlights out of İstanbul were cancelled on Monday as the storm reached the coast.\n");
        string index = Path.Combine(dir.Path, "index");
        RunBuild(new BuildOptions { Roots = [root], IndexPath = index, Analysis = analysis });
        return index;
    }
}
