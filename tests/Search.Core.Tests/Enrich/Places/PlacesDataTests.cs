using Search.Core.Enrich.Places;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Enrich.Places;

/// <summary>
/// Keeps the shipped <c>places.tsv</c> reproducible from the gazetteer. To change the data, edit
/// <see cref="PlacesDataGenerator"/> and run this test with <c>PLACES_REGENERATE=1</c>, which rewrites
/// the file. The comparison is always with the file as it was before the run, so the test fails
/// whenever the committed file and the generator disagree (also on the run that rewrites it).
/// </summary>
public sealed class PlacesDataTests
{
    private static string TsvPath => Path.Combine(RepoPaths.Root, "src", "Search.Core", "Enrich", "Places", "places.tsv");

    [SharedFact]
    public void Committed_places_tsv_is_what_the_generator_makes()
    {
        string generated = PlacesDataGenerator.Generate(SharedCorpus.Path("corpora", "gazetteer"));
        string committed = File.ReadAllText(TsvPath);
        if (Environment.GetEnvironmentVariable("PLACES_REGENERATE") == "1")
            File.WriteAllText(TsvPath, generated);
        Assert.True(generated == committed,
            "places.tsv differs from PlacesDataGenerator output; rerun this test with PLACES_REGENERATE=1 and commit the file");
    }

    [Fact]
    public void Embedded_table_loads_and_has_the_expected_labels()
    {
        var labels = PlaceRecognizer.Default.Labels;
        Assert.Contains("Kazakhstan", labels);
        Assert.Contains("United States", labels);
        Assert.Contains("United Kingdom", labels);
        Assert.Contains("Turkey", labels);
        Assert.DoesNotContain("Türkiye", labels);
        Assert.True(labels.Count >= 240, $"only {labels.Count} labels");
    }
}
