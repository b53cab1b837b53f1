using System.Diagnostics;
using Search.Core.Enrich.Places;
using Search.Core.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Core.Tests.Enrich.Places;

public sealed class PlaceRecognizerTests(ITestOutputHelper output)
{
    private static IReadOnlyList<string> Places(string body, string title = "") => PlaceRecognizer.Default.Recognize(title, body);

    [Fact]
    public void Seed_article_is_about_Russia_and_Kazakhstan()
    {
        // The seed's first two lines are its (wrapped) headline; the rest is the body.
        string[] lines = File.ReadAllLines(RepoPaths.SeedArticle);
        string title = lines[0].Trim() + " " + lines[1].Trim();
        string body = string.Join("\n", lines.Skip(2));

        var places = PlaceRecognizer.Default.Recognize(title, body);

        // "U.S. Embassy in Moscow" names the sender of an embassy, not a subject: no United States.
        // Afghanistan, named once in passing ("a branch that is mostly active in Afghanistan") in an
        // article naming three countries, is not what it is about.
        Assert.Equal(new[] { "Russia", "Kazakhstan" }, places);
    }

    [Theory]
    [InlineData("Flooding hit the city on Monday, Agence France-Presse reported, citing local officials.")]
    [InlineData("\"We will rebuild,\" the mayor told Agence France Presse on Tuesday.")]
    [InlineData("The figures were first reported by the New York Times and the Japan Times.")]
    [InlineData("Shares of American Express and Air France rose.")]
    public void Outlets_and_companies_named_after_a_country_are_not_places(string sentence)
    {
        Assert.Empty(Places(sentence));
    }

    [Theory]
    [InlineData("Kazakh officials met on Monday.", "Kazakhstan")]
    [InlineData("Two Kazakhs were detained.", "Kazakhstan")]
    [InlineData("Russians queued for bread.", "Russia")]
    [InlineData("The Swiss franc rose.", "Switzerland")]
    [InlineData("Filipinos voted on Sunday.", "Philippines")]
    [InlineData("Talks were held in Moscow.", "Russia")]
    [InlineData("Protests spread across Tbilisi.", "Georgia")]
    [InlineData("Flights to Almaty resumed.", "Kazakhstan")]
    [InlineData("Exports from Côte d'Ivoire and Cote d'Ivoire grew.", "Ivory Coast")]
    [InlineData("The U.S. economy grew.", "United States")]
    [InlineData("US officials said so.", "United States")]
    [InlineData("Britain's pound fell.", "United Kingdom")]
    [InlineData("Ministers from Saudi Arabia arrived.", "Saudi Arabia")]
    [InlineData("New Zealand beat Wales.", "New Zealand,United Kingdom")]
    [InlineData("Turkey's central bank raised rates.", "Turkey")]
    [InlineData("King Abdullah of Jordan spoke.", "Jordan")]
    [InlineData("Rebels in Chad attacked a town.", "Chad")]
    [InlineData("Refugees crossed from Georgia into Armenia, officials in Tbilisi said.", "Georgia,Armenia")]
    [InlineData("Port-au-Prince was calm.", "Haiti")]
    [InlineData("The West German mark and the Soviet Union.", "Germany,Russia")]
    public void Recognises_names_demonyms_capitals_and_cities(string text, string expected)
    {
        Assert.Equal(expected.Split(',').Order(StringComparer.Ordinal), Places(text).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Michael Jordan scored 40 points.")]
    [InlineData("Jordan Peterson gave a lecture.")]
    [InlineData("We ate roast turkey with gravy.")]
    [InlineData("Roast Turkey Breast with herbs.")]
    [InlineData("Chad Smith played the drums.")]
    [InlineData("The Braves play in Atlanta, Georgia, tonight.")]
    [InlineData("He moved to Georgia last year.")]
    [InlineData("Let us know what you think.")]
    [InlineData("Fighters of the Islamic State retreated.")]
    [InlineData("He was born in New Mexico and lived in New South Wales.")]
    [InlineData("Paris Hilton arrived late.")]
    [InlineData("Kobe Bryant retired.")]
    public void Avoids_false_friends(string text)
    {
        // Only the false friend is checked: New Mexico may well yield the United States.
        Assert.DoesNotContain(Places(text), p => p != "United States" && p != "Australia");
    }

    [Fact]
    public void New_York_and_New_Mexico_are_the_United_States_not_Mexico()
    {
        Assert.Equal(new[] { "United States" }, Places("Flights from New York to New Mexico were cancelled."));
        Assert.Equal(new[] { "Australia" }, Places("Bushfires burned in New South Wales."));
    }

    [Fact]
    public void All_caps_headlines_and_datelines_are_matched()
    {
        Assert.Equal(new[] { "Japan" }, Places("", "JAPAN RAISES RATES"));
        Assert.Equal(new[] { "United States" }, Places("NEW YORK, March 3 - Stocks fell."));
        Assert.Equal(new[] { "Russia" }, Places("MOSCOW (Reuters) - Prices rose."));
    }

    [Fact]
    public void Orders_by_mentions_then_alphabetically()
    {
        Assert.Equal(new[] { "Germany", "France", "Belgium", "Spain" },
            Places("France and Germany met. Paris and Berlin agreed. French and German officials said. "
                + "Germany and France signed. Berlin said so.", title: "Spain and Belgium watch"));
    }

    [Fact]
    public void Empty_or_null_text_yields_nothing()
    {
        Assert.Empty(PlaceRecognizer.Default.Recognize(null, null));
        Assert.Empty(PlaceRecognizer.Default.Recognize("", "   "));
    }

    [Fact]
    public void A_typical_article_is_recognised_in_a_fraction_of_a_millisecond()
    {
        string body = string.Concat(Enumerable.Repeat(File.ReadAllText(RepoPaths.SeedArticle), 2))[..3000];
        var recognizer = PlaceRecognizer.Default;
        // Warm up past tiered compilation, then take the best of several rounds of process CPU time:
        // other builds share the machine, and wall-clock time would measure them too.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 1000) recognizer.Recognize("Warm-up", body);
        const int runs = 1000;
        double msPerArticle = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < runs; i++) recognizer.Recognize("2 Kazakhs Killed in Russian Anti-Terror Operation", body);
            msPerArticle = Math.Min(msPerArticle, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs);
        }
        output.WriteLine($"{msPerArticle:F4} ms per 3 KB article");
        // The target is well under 0.1 ms in a Release build on an idle core (RESULTS.md). Tests run
        // in Debug on shared CI cores, so the bound here only catches a pathological regression
        // (a regex per alias costs tens of milliseconds).
        Assert.True(msPerArticle < 0.5, $"{msPerArticle:F4} ms per 3 KB article");
    }
}
