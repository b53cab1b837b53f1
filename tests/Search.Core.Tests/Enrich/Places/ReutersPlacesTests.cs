using Search.Core.Enrich.Places;
using Search.Core.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Core.Tests.Enrich.Places;

/// <summary>
/// Measures the recognizer against the human PLACES labels of Reuters-21578 (method and figures in
/// RESULTS.md). The floors sit a little under the measured values so that a change that costs
/// precision or recall fails here instead of going unnoticed.
/// </summary>
public sealed class ReutersPlacesTests(ITestOutputHelper output)
{
    private const double MinPrecision = 0.89; // measured 0.901
    private const double MinRecall = 0.67;    // measured 0.680

    [SharedFact]
    public void Every_reuters_places_code_maps_to_a_recognizer_label()
    {
        var codes = ReutersCorpus.Read(SharedCorpus.Path("corpora", "reuters21578")).SelectMany(d => d.Places).ToHashSet();
        var labels = PlaceRecognizer.Default.Labels;
        var unmapped = codes.Where(c => ReutersPlaceLabels.Label(c) is { } l && !labels.Contains(l)).Order().ToList();
        Assert.True(unmapped.Count == 0, "codes without a label: " + string.Join(", ", unmapped));
    }

    [SharedFact]
    public void Precision_and_recall_on_reuters_places_stay_above_the_measured_floor()
    {
        var e = ReutersPlacesEvaluation.Run(PlaceRecognizer.Default);
        output.WriteLine(e.ToString());
        output.WriteLine("top false positives: " + string.Join(", ", e.FalsePositivesByLabel.OrderByDescending(kv => kv.Value).Take(15).Select(kv => $"{kv.Key} {kv.Value}")));
        output.WriteLine("top false negatives: " + string.Join(", ", e.FalseNegativesByLabel.OrderByDescending(kv => kv.Value).Take(15).Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(e.Precision >= MinPrecision, e.ToString());
        Assert.True(e.Recall >= MinRecall, e.ToString());
    }

    /// <summary>The trade-off behind the defaults in <see cref="PlaceRecognizerOptions"/>; prints a table
    /// (run with a detailed console logger to see it).</summary>
    [SharedFact]
    public void Relevance_settings_trade_off()
    {
        var baseline = PlaceRecognizer.Default;
        var d = PlaceRecognizerOptions.Default;
        var settings = new List<(string Name, PlaceRecognizerOptions Options)>
        {
            ("defaults", d),
            ("any mention", d with { MinBodyMentions = 1, NamedOnceMaxCountries = 0 }),
            ("title only", d with { MinBodyMentions = int.MaxValue, EarlyWords = 0, NamedOnceMaxCountries = 0 }),
            ("defaults, envoys counted", d with { DiscountEnvoys = false }),
        };
        foreach (int named in new[] { 0, 2, 3 })
            foreach (int min in new[] { 2, 3, 4 })
                foreach (int early in new[] { 0, 10, 25 })
                    settings.Add(($"body>={min} | first<{early} | once-named<={named}", d with { MinBodyMentions = min, EarlyWords = early, NamedOnceMaxCountries = named }));
        foreach (var (name, options) in settings)
            output.WriteLine($"{name,-36} {ReutersPlacesEvaluation.Run(baseline.WithOptions(options))}");
        output.WriteLine($"{"defaults, without dateline",-36} {ReutersPlacesEvaluation.Run(baseline, withDateline: false)}");
    }
}
