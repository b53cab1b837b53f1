using System.Globalization;
using System.Text;
using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// Everything the relevance benchmark measures in one run, and its markdown report:
/// <list type="bullet">
/// <item>the peers on every collection (Lucene.Net BM25, Xapian BM25), scored by the same code as ours;</item>
/// <item>every candidate ranking on every collection, then leave-one-collection-out: for each
/// collection, the candidate with the best mean of (nDCG@10 + MAP) / 2 over the other four, reported
/// on that one;</item>
/// <item>paired randomisation tests of ours against each peer;</item>
/// <item>the query forms users type and RM3 expansion, with the candidate chosen for that collection;</item>
/// <item>each direction measured from the candidate chosen on all five (what ships as the default).</item>
/// </list>
/// </summary>
public sealed class RelevanceReport
{
    private readonly List<RelevanceRun> _runs = new();
    private readonly Dictionary<RankingVariant, EvaluationReport[]> _byVariant = new();
    private readonly List<EvaluationReport> _lucene = new(), _xapian = new();
    private readonly List<Dictionary<LucenePeer.Layout, EvaluationReport>> _layouts = new();
    private readonly List<RankingVariant> _chosen = new();
    private readonly List<Dictionary<string, EvaluationReport>> _forms = new();
    private RankingVariant _all = RankingVariant.Default;
    private int _depth;

    public static RelevanceReport Measure(IReadOnlyList<RelevanceRun> runs, IReadOnlyList<RankingVariant> grid, int depth, TextWriter log)
    {
        var r = new RelevanceReport { _depth = depth };
        r._runs.AddRange(runs);
        foreach (var run in runs)
        {
            log.WriteLine($"{run.Name}: peers");
            r._lucene.Add(run.Score(LucenePeer.Run(run.Collection, depth)));
            r._xapian.Add(run.Score(XapianPeer.Run(run.Directory, depth)));
            r._layouts.Add(Enum.GetValues<LucenePeer.Layout>().ToDictionary(l => l, l => run.Score(LucenePeer.Run(run.Collection, depth, l))));
        }
        int done = 0;
        foreach (var v in grid)
        {
            r._byVariant[v] = runs.Select(run => run.Evaluate(v.Analysis, v.Ranking, depth)).ToArray();
            if (++done % 25 == 0) log.WriteLine($"candidates: {done}/{grid.Count}");
        }
        for (int i = 0; i < runs.Count; i++)
        {
            var chosen = r.Best(except: i);
            r._chosen.Add(chosen);
            var run = runs[i];
            r._forms.Add(new Dictionary<string, EvaluationReport>
            {
                ["search eval / search query --any"] = r._byVariant[chosen][i],
                ["search query \"w1 OR w2 …\""] = run.Evaluate(chosen.Analysis, chosen.Ranking, depth, QueryForm.Or),
                ["search query \"w1 w2 …\" (all words required)"] = run.Evaluate(chosen.Analysis, chosen.Ranking, depth, QueryForm.All),
                ["search query --any --expand (RM3)"] = run.Evaluate(chosen.Analysis, chosen.Ranking, depth, QueryForm.Any, expand: true),
            });
        }
        r._all = r.Best(except: -1);
        return r;
    }

    /// <summary>The candidate with the best mean (nDCG@10 + MAP) / 2 over every collection but
    /// <paramref name="except"/>; ties go to the earlier candidate (the current default first).</summary>
    private RankingVariant Best(int except) =>
        _byVariant.MaxBy(kv => Enumerable.Range(0, _runs.Count).Where(j => j != except)
            .Average(j => (kv.Value[j].Mean.Ndcg10 + kv.Value[j].Mean.Map) / 2))!.Key;

    private static double[] PerQuery(EvaluationReport report, IReadOnlyList<string> ids, Func<MetricValues, double> metric)
    {
        var byId = report.Queries.ToDictionary(q => q.QueryId, q => metric(q.Metrics), StringComparer.Ordinal);
        return ids.Select(id => byId[id]).ToArray();
    }

    /// <summary>"+0.0123 (p 0.04)": the mean difference of a over b and its randomisation-test p.</summary>
    private static string Difference(EvaluationReport a, EvaluationReport b, Func<MetricValues, double> metric)
    {
        var ids = a.Queries.Select(q => q.QueryId).ToList();
        var x = PerQuery(a, ids, metric);
        var y = PerQuery(b, ids, metric);
        double p = PairedRandomisation.PValue(x, y);
        return string.Create(CultureInfo.InvariantCulture, $"{x.Average() - y.Average():+0.000;-0.000;0.000} (p {p:0.000}){(p < 0.05 ? " *" : "")}");
    }

    private static string Metrics(MetricValues m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.Ndcg10:0.000} | {m.Map:0.000} | {m.P10:0.000} | {m.Recall100:0.000}");

    private static readonly Func<MetricValues, double> Ndcg = m => m.Ndcg10, Map = m => m.Map;

    public string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Relevance: ours against Lucene.Net and Xapian, leave-one-collection-out");
        sb.AppendLine();
        sb.AppendLine("Produced by `dotnet run -c Release --project tests/Search.Benchmarks -- relevance` (do not edit by hand). " +
                      $"trec_eval-compatible measures (`search eval`), depth {_depth}, means over judged queries. " +
                      "Ours: for each collection, the candidate ranking with the best mean (nDCG@10 + MAP) / 2 over the other four collections. " +
                      $"Δ: ours minus the peer, with the two-sided p of a paired randomisation test over queries ({PairedRandomisation.Permutations:N0} permutations); * p < 0.05.");
        sb.AppendLine();
        sb.AppendLine("## Headline (`search eval`)");
        sb.AppendLine();
        sb.AppendLine("| collection | system | nDCG@10 | MAP | P@10 | R@100 | Δ nDCG@10 | Δ MAP |");
        sb.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        for (int i = 0; i < _runs.Count; i++)
        {
            var run = _runs[i];
            var ours = _byVariant[_chosen[i]][i];
            sb.AppendLine($"| {run.Name} ({run.Collection.Documents.Count:N0} docs, {run.Qrels.QueryIds.Count} queries) | **search** (chosen on the other four) | {Metrics(ours.Mean)} | | |");
            sb.AppendLine($"| | {XapianPeer.Label} | {Metrics(_xapian[i].Mean)} | {Difference(ours, _xapian[i], Ndcg)} | {Difference(ours, _xapian[i], Map)} |");
            sb.AppendLine($"| | {LucenePeer.Label} | {Metrics(_lucene[i].Mean)} | {Difference(ours, _lucene[i], Ndcg)} | {Difference(ours, _lucene[i], Map)} |");
        }
        sb.AppendLine();
        sb.AppendLine("## Candidate chosen for each collection (on the other four)");
        sb.AppendLine();
        sb.AppendLine("| held out | chosen | mean (nDCG@10+MAP)/2 on the four |");
        sb.AppendLine("|---|---|--:|");
        for (int i = 0; i < _runs.Count; i++)
        {
            int held = i;
            double train = Enumerable.Range(0, _runs.Count).Where(j => j != held).Average(j => (_byVariant[_chosen[held]][j].Mean.Ndcg10 + _byVariant[_chosen[held]][j].Mean.Map) / 2);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {_runs[i].Name} | {_chosen[i].Label} | {train:0.0000} |"));
        }
        sb.AppendLine();
        sb.AppendLine($"Chosen on all five (the shipped default should be this): {_all.Label}. " +
                      $"Current default: {RankingVariant.Default.Label}{(_all == RankingVariant.Default ? " (the same)" : " (differs)")}. " +
                      $"{_byVariant.Count} candidates.");
        sb.AppendLine();
        sb.AppendLine("## How users ask (candidate chosen for that collection), against Xapian");
        sb.AppendLine();
        sb.AppendLine("| collection | query form | nDCG@10 | MAP | P@10 | R@100 | Δ nDCG@10 vs Xapian | Δ MAP vs Xapian |");
        sb.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|");
        for (int i = 0; i < _runs.Count; i++)
        {
            string name = _runs[i].Name;
            foreach (var (form, report) in _forms[i])
            {
                sb.AppendLine($"| {name} | {form} | {Metrics(report.Mean)} | {Difference(report, _xapian[i], Ndcg)} | {Difference(report, _xapian[i], Map)} |");
                name = "";
            }
        }
        sb.AppendLine();
        sb.AppendLine("## Directions, one at a time from the all-five choice");
        sb.AppendLine();
        sb.AppendLine("Each row changes one setting of the all-five choice; Δ nDCG@10 / Δ MAP on each collection (p of nDCG@10 in brackets where < 0.05).");
        sb.AppendLine();
        sb.Append("| change |");
        foreach (var run in _runs) sb.Append($" {run.Name} |");
        sb.AppendLine();
        sb.Append("|---|");
        foreach (var _ in _runs) sb.Append("--:|");
        sb.AppendLine();
        var basis = _byVariant[_all];
        foreach (var (label, v) in Neighbours(_all))
        {
            if (!_byVariant.TryGetValue(v, out var reports))
                _byVariant[v] = reports = _runs.Select(run => run.Evaluate(v.Analysis, v.Ranking, _depth)).ToArray();
            sb.Append($"| {label} |");
            for (int i = 0; i < _runs.Count; i++)
            {
                var ids = basis[i].Queries.Select(q => q.QueryId).ToList();
                double p = PairedRandomisation.PValue(PerQuery(reports[i], ids, Ndcg), PerQuery(basis[i], ids, Ndcg));
                sb.Append(string.Create(CultureInfo.InvariantCulture,
                    $" {reports[i].Mean.Ndcg10 - basis[i].Mean.Ndcg10:+0.000;-0.000;0.000} / {reports[i].Mean.Map - basis[i].Mean.Map:+0.000;-0.000;0.000}{(p < 0.05 ? $" (p {p:0.000})" : "")} |"));
            }
            sb.AppendLine();
        }
        sb.AppendLine();
        sb.AppendLine("## BM25F question with plain Lucene.Net (EnglishAnalyzer, BM25 defaults)");
        sb.AppendLine();
        sb.AppendLine("One combined field with the title twice (BM25F-style, as Xapian indexes) against two fields summed, title weight 2 (as we do); nDCG@10 / MAP. NPL and TIME have no titles.");
        sb.AppendLine();
        sb.AppendLine("| collection | title+body, one field | title twice + body, one field | title^2 + body, summed | Δ nDCG@10 combined − summed |");
        sb.AppendLine("|---|--:|--:|--:|--:|");
        for (int i = 0; i < _runs.Count; i++)
        {
            var l = _layouts[i];
            string Pair(LucenePeer.Layout x) => string.Create(CultureInfo.InvariantCulture, $"{l[x].Mean.Ndcg10:0.000} / {l[x].Mean.Map:0.000}");
            sb.AppendLine($"| {_runs[i].Name} | {Pair(LucenePeer.Layout.Concatenated)} | {Pair(LucenePeer.Layout.CombinedTitleTwice)} | {Pair(LucenePeer.Layout.SummedFields)} | " +
                          $"{Difference(l[LucenePeer.Layout.CombinedTitleTwice], l[LucenePeer.Layout.SummedFields], Ndcg)} |");
        }
        return sb.ToString();
    }

    /// <summary>The grid neighbours of <paramref name="v"/>: one setting changed at a time.</summary>
    private static IEnumerable<(string Label, RankingVariant Variant)> Neighbours(RankingVariant v)
    {
        var r = v.Ranking;
        var a = v.Analysis;
        foreach (string s in new[] { "porter", "porter2" }.Where(s => s != a.Stemmer))
            yield return ($"stemmer {s}", v with { Analysis = a with { Stemmer = s } });
        foreach (float k1 in new[] { 0.9f, 1.2f, 2.0f }.Where(k => k != r.K1))
            yield return (string.Create(CultureInfo.InvariantCulture, $"k1 {k1}"), v with { Ranking = r with { K1 = k1 } });
        foreach (float b in new[] { 0.5f, 0.75f }.Where(b => b != r.B))
            yield return (string.Create(CultureInfo.InvariantCulture, $"b {b}"), v with { Ranking = r with { B = b } });
        foreach (var (combined, title, tie) in RankingVariant.FieldChoices)
        {
            var other = v with { Ranking = r with { CombinedField = combined, TitleWeight = title, FieldTieBreaker = tie } };
            if (other != v)
                yield return (combined ? "fields: one combined field" : string.Create(CultureInfo.InvariantCulture,
                    $"fields: title^{title} {(tie >= 1 ? "+" : $"max+{tie}×")} body"), other);
        }
        yield return (r.ProximityBoost > 0 ? "proximity off" : "proximity 0.25", v with { Ranking = r with { ProximityBoost = r.ProximityBoost > 0 ? 0 : 0.25f } });
        yield return (r.QueryStopWords ? "query stop words off" : "query stop words on", v with { Ranking = r with { QueryStopWords = !r.QueryStopWords } });
        yield return (r.QueryTermFrequency ? "query-term frequency off" : "query-term frequency on", v with { Ranking = r with { QueryTermFrequency = !r.QueryTermFrequency } });
    }
}
