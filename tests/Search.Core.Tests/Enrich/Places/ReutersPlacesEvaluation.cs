using Search.Core.Enrich.Places;
using Search.Core.Tests.Support;

namespace Search.Core.Tests.Enrich.Places;

/// <summary>Micro-averaged precision/recall of a recognizer against Reuters-21578 PLACES, on the 30
/// labels most common in the gold data (gold and predictions both restricted to them), as
/// `Search.Benchmarks places` measures it.</summary>
internal sealed class ReutersPlacesEvaluation
{
    public int Documents, TruePositives, FalsePositives, FalseNegatives;
    public readonly Dictionary<string, int> FalsePositivesByLabel = new(StringComparer.Ordinal);
    public readonly Dictionary<string, int> FalseNegativesByLabel = new(StringComparer.Ordinal);

    public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);
    public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);
    public double F1 => 2 * Precision * Recall / Math.Max(1e-9, Precision + Recall);

    /// <summary>Documents with at least one PLACES code that maps to a label; read once per test run.</summary>
    public static IReadOnlyList<(ReutersDoc Doc, HashSet<string> Gold)> LabelledDocuments => LabelledDocs.Value;

    private static readonly Lazy<List<(ReutersDoc Doc, HashSet<string> Gold)>> LabelledDocs = new(() =>
        ReutersCorpus.Read(SharedCorpus.Path("corpora", "reuters21578"))
            .Select(d => (Doc: d, Gold: d.Places.Select(ReutersPlaceLabels.Label).OfType<string>().ToHashSet(StringComparer.Ordinal)))
            .Where(x => x.Gold.Count > 0)
            .ToList());

    /// <summary>The body given to the recognizer is the dateline ("MOSCOW, March 3 -") followed by the
    /// body text, as a news article prints it; Reuters keeps the dateline in its own element.</summary>
    public static string BodyOf(ReutersDoc d) => d.Dateline.Length == 0 ? d.Body : d.Dateline + " " + d.Body;

    private static readonly Lazy<HashSet<string>> Top30 = new(() => LabelledDocuments.SelectMany(d => d.Gold)
        .GroupBy(l => l).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(30).Select(g => g.Key).ToHashSet());

    public static ReutersPlacesEvaluation Run(PlaceRecognizer recognizer, bool withDateline = false)
    {
        var e = new ReutersPlacesEvaluation();
        var top30 = Top30.Value;
        foreach (var (doc, allGold) in LabelledDocuments)
        {
            e.Documents++;
            var gold = allGold.Where(top30.Contains).ToHashSet();
            var predicted = recognizer.Recognize(doc.Title, withDateline ? BodyOf(doc) : doc.Body).Where(top30.Contains).ToList();
            foreach (string p in predicted)
            {
                if (gold.Contains(p)) e.TruePositives++;
                else { e.FalsePositives++; e.FalsePositivesByLabel[p] = e.FalsePositivesByLabel.GetValueOrDefault(p) + 1; }
            }
            foreach (string g in gold)
                if (!predicted.Contains(g)) { e.FalseNegatives++; e.FalseNegativesByLabel[g] = e.FalseNegativesByLabel.GetValueOrDefault(g) + 1; }
        }
        return e;
    }

    public override string ToString() =>
        $"docs={Documents} tp={TruePositives} fp={FalsePositives} fn={FalseNegatives} P={Precision:F3} R={Recall:F3} F1={F1:F3}";
}
