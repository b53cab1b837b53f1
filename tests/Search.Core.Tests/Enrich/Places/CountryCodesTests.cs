using System.Text.Json;
using Search.Core.Enrich.Places;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Enrich.Places;

public sealed class CountryCodesTests
{
    [Fact]
    public void Every_code_is_a_country_the_place_facet_knows()
    {
        var labels = PlaceGazetteer.LoadEmbedded().Labels;
        Assert.True(CountryCodes.All.Count >= 249, $"{CountryCodes.All.Count} codes");
        Assert.All(CountryCodes.All, pair => Assert.Contains(pair.Value, labels));
        Assert.Equal("United Kingdom", CountryCodes.Label(" gb "));
        Assert.Equal("DR Congo", CountryCodes.Label("CD"));
        Assert.Null(CountryCodes.Label("GBR")); // two letters only
        Assert.Null(CountryCodes.Label("UK")); // not ISO's: the typed names read it
    }

    [SharedFact]
    public void The_codes_are_those_of_the_gazetteer_data()
    {
        // The table is written from countries.json as PlacesDataGenerator labels its countries.
        string json = File.ReadAllText(SharedCorpus.Path("corpora", "gazetteer", "countries", "countries.json"));
        using var doc = JsonDocument.Parse(json);
        int count = 0;
        foreach (JsonElement country in doc.RootElement.EnumerateArray())
        {
            string code = country.GetProperty("cca2").GetString()!;
            string common = country.GetProperty("name").GetProperty("common").GetString()!;
            Assert.Equal(common == "Türkiye" ? "Turkey" : common, CountryCodes.Label(code));
            count++;
        }
        Assert.Equal(count, CountryCodes.All.Count);
    }
}
