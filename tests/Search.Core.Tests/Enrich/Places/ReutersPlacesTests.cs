using Search.Core.Enrich.Places;
using Search.Core.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Search.Core.Tests.Enrich.Places;

/// <summary>
/// The recognizer against the human PLACES labels of Reuters-21578, on the protocol README states:
/// the 30 most common countries, title and body only (the dateline element is not given). The test
/// asserts what that protocol promises (precision at least 0.90 with recall at least 0.50), not
/// today's figures; the settings sweep is `Search.Benchmarks places --sweep`.
/// </summary>
public sealed class ReutersPlacesTests(ITestOutputHelper output)
{
    private const double PromisedPrecision = 0.90;
    private const double PromisedRecall = 0.50;

    [SharedFact]
    public void Every_reuters_places_code_maps_to_a_recognizer_label()
    {
        var codes = ReutersCorpus.Read(SharedCorpus.Path("corpora", "reuters21578")).SelectMany(d => d.Places).ToHashSet();
        var labels = PlaceRecognizer.Default.Labels;
        var unmapped = codes.Where(c => ReutersPlaceLabels.Label(c) is { } l && !labels.Contains(l)).Order().ToList();
        Assert.True(unmapped.Count == 0, "codes without a label: " + string.Join(", ", unmapped));
    }

    [SharedFact]
    public void Precision_and_recall_on_reuters_places_meet_the_promise()
    {
        var e = ReutersPlacesEvaluation.Run(PlaceRecognizer.Default);
        output.WriteLine(e.ToString());
        output.WriteLine("top false positives: " + string.Join(", ", e.FalsePositivesByLabel.OrderByDescending(kv => kv.Value).Take(15).Select(kv => $"{kv.Key} {kv.Value}")));
        output.WriteLine("top false negatives: " + string.Join(", ", e.FalseNegativesByLabel.OrderByDescending(kv => kv.Value).Take(15).Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(e.Precision >= PromisedPrecision, e.ToString());
        Assert.True(e.Recall >= PromisedRecall, e.ToString());
    }
}
