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
    private readonly List<Agreement> _agreement = new();

    /// <summary>Plain words and the same words joined with OR, compared query by query.</summary>
    private sealed record Agreement(int Queries, int Top10Differs, double LargestScoreDifference, EvaluationReport Plain, EvaluationReport Or);

    private const string AnyForm = "search eval / search query --any", OrForm = "search query \"w1 OR w2 …\"";
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
                [AnyForm] = r._byVariant[chosen][i],
                [OrForm] = run.Evaluate(chosen.Analysis, chosen.Ranking, depth, QueryForm.Or),
                ["search query \"w1 w2 …\" (all words required)"] = run.Evaluate(chosen.Analysis, chosen.Ranking, depth, QueryForm.All),
                ["search query --any --expand (RM3)"] = run.Evaluate(chosen.Analysis, chosen.Ranking, depth, QueryForm.Any, expand: true),
            });
        }
        for (int i = 0; i < runs.Count; i++)
        {
            log.WriteLine($"{runs[i].Name}: plain words against OR");
            r._agreement.Add(Agree(runs[i], r._chosen[i], depth));
        }
        r._all = r.Best(except: -1);
        foreach (var v in grid.Count > 1 ? RankingVariant.ExactLengthGrid() : [])
            r._byVariant[v] = runs.Select(run => run.Evaluate(v.Analysis, v.Ranking, depth)).ToArray();
        return r;
    }

    /// <summary>The same words sent as keywords and joined with OR (cut alike where a typed query
    /// must be cut): how many queries' top 10 differ, and by how much any shared article's score does.</summary>
    private static Agreement Agree(RelevanceRun run, RankingVariant v, int depth)
    {
        var plain = run.Run(v.Analysis, v.Ranking, QueryForm.Any, depth, wordsAsTyped: true);
        var or = run.Run(v.Analysis, v.Ranking, QueryForm.Or, depth);
        int differ = 0;
        double largest = 0;
        foreach (var (id, a) in plain)
        {
            var b = or[id];
            if (!a.Take(10).Select(h => h.DocId).SequenceEqual(b.Take(10).Select(h => h.DocId)))
                differ++;
            var scores = b.ToDictionary(h => h.DocId, h => h.Score);
            foreach (var h in a)
                if (scores.TryGetValue(h.DocId, out float other))
                    largest = Math.Max(largest, Math.Abs(other - h.Score));
        }
        return new Agreement(plain.Count, differ, largest, run.Score(plain, depth), run.Score(or, depth));
    }

    /// <summary>
    /// The candidate whose worst collection, among every collection but <paramref name="except"/>,
    /// is best against the stock engine (Xapian) on that collection: the largest minimum of
    /// (nDCG@10 + MAP) / 2 minus Xapian's. Minimax rather than the mean, because what must hold on
    /// collections we never saw is "not worse than the stock engine anywhere", and a mean lets one
    /// collection's large gain pay for another's loss. Ties go to the earlier candidate (the current
    /// default first).
    /// </summary>
    private RankingVariant Best(int except) => Best(except, grid => grid.Ranking.DocumentLengths == null);

    /// <summary><see cref="Best(int)"/> among the candidates <paramref name="among"/> admits.</summary>
    private RankingVariant Best(int except, Func<RankingVariant, bool> among) =>
        _byVariant.Where(kv => among(kv.Key)).MaxBy(kv => Train(kv.Value, except))!.Key;

    /// <summary>Other sets of candidates leave-one-out could choose from: what each collection would
    /// get held out (are the figures a matter of what the grid allows?).</summary>
    private static readonly (string Label, Func<RankingVariant, bool> Among)[] ChoiceSets =
    [
        ("the grid (shipped protocol)", v => v.Ranking.DocumentLengths == null),
        ("the grid without Lucene's reading of the norms (lengths always read as their middle)", v => v.Ranking.DocumentLengths == null && v.Ranking.NormMidpoints),
        ("the same grid with exact lengths (index-time change, not shipped)", v => v.Ranking.DocumentLengths is ExactLengths),
    ];

    private double Train(EvaluationReport[] reports, int except) =>
        Enumerable.Range(0, _runs.Count).Where(j => j != except)
            .Min(j => (reports[j].Mean.Ndcg10 + reports[j].Mean.Map) / 2 - (_xapian[j].Mean.Ndcg10 + _xapian[j].Mean.Map) / 2);

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
                      "Ours: for each collection, the candidate ranking whose worst collection among the other four is best against Xapian ((nDCG@10 + MAP) / 2 minus Xapian's). " +
                      $"Δ: ours minus the peer, with the two-sided p of a paired randomisation test over queries ({PairedRandomisation.Permutations:N0} permutations); * p < 0.05.");
        sb.AppendLine();
        sb.AppendLine("## Headline: plain words (`search eval`) and typed with OR, chosen on the other four");
        sb.AppendLine();
        sb.AppendLine("| collection | system | nDCG@10 | MAP | P@10 | R@100 | Δ nDCG@10 vs Xapian | Δ MAP vs Xapian | Δ nDCG@10 vs Lucene.Net |");
        sb.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|");
        for (int i = 0; i < _runs.Count; i++)
        {
            var run = _runs[i];
            var ours = _forms[i][AnyForm];
            var or = _forms[i][OrForm];
            sb.AppendLine($"| {run.Name} ({run.Collection.Documents.Count:N0} docs, {run.Qrels.QueryIds.Count} queries) | **search**, plain words (`search eval`) | {Metrics(ours.Mean)} | {Difference(ours, _xapian[i], Ndcg)} | {Difference(ours, _xapian[i], Map)} | {Difference(ours, _lucene[i], Ndcg)} |");
            sb.AppendLine($"| | **search**, typed `w1 OR w2 …` | {Metrics(or.Mean)} | {Difference(or, _xapian[i], Ndcg)} | {Difference(or, _xapian[i], Map)} | {Difference(or, _lucene[i], Ndcg)} |");
            sb.AppendLine($"| | {XapianPeer.Label} | {Metrics(_xapian[i].Mean)} | | | |");
            sb.AppendLine($"| | {LucenePeer.Label} | {Metrics(_lucene[i].Mean)} | | | |");
        }
        sb.AppendLine();
        sb.AppendLine("## Plain words and OR agree");
        sb.AppendLine();
        sb.AppendLine("Each query's words sent as keywords (`search eval`) and typed joined with OR (`search query`), the same words in both (a typed query that `search query` refuses as too long is cut to the longest start of it that it takes, in both). " +
                      "Top 10 differs: queries whose first ten results are not the same articles in the same order.");
        sb.AppendLine();
        sb.AppendLine("| collection | queries | top 10 differs | largest score difference | nDCG@10 plain | nDCG@10 OR | MAP plain | MAP OR |");
        sb.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        for (int i = 0; i < _runs.Count; i++)
        {
            var a = _agreement[i];
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {_runs[i].Name} | {a.Queries} | {a.Top10Differs} | {a.LargestScoreDifference:0.0000} | {a.Plain.Mean.Ndcg10:0.000} | {a.Or.Mean.Ndcg10:0.000} | {a.Plain.Mean.Map:0.000} | {a.Or.Mean.Map:0.000} |"));
        }
        sb.AppendLine();
        sb.AppendLine("## Candidate chosen for each collection (on the other four)");
        sb.AppendLine();
        sb.AppendLine("| held out | chosen | worst (nDCG@10+MAP)/2 − Xapian's on the four |");
        sb.AppendLine("|---|---|--:|");
        for (int i = 0; i < _runs.Count; i++)
        {
            int held = i;
            double train = Train(_byVariant[_chosen[held]], held);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {_runs[i].Name} | {_chosen[i].Label} | {train:+0.0000;-0.0000} |"));
        }
        sb.AppendLine();
        sb.AppendLine($"Chosen on all five (the shipped default should be this): {_all.Label}. " +
                      $"Current default: {RankingVariant.Default.Label}{(_all == RankingVariant.Default ? " (the same)" : " (differs)")}. " +
                      $"{_byVariant.Keys.Count(v => v.Ranking.DocumentLengths == null)} candidates.");
        sb.AppendLine();
        sb.AppendLine("## What leave-one-out gives with other candidate sets");
        sb.AppendLine();
        sb.AppendLine("Each collection with the candidate chosen on the other four from another set of candidates; plain words; Δ vs Xapian (p).");
        sb.AppendLine();
        sb.AppendLine("| candidates | held out | chosen | nDCG@10 | MAP | Δ nDCG@10 vs Xapian | Δ MAP vs Xapian |");
        sb.AppendLine("|---|---|---|--:|--:|--:|--:|");
        foreach (var (label, among) in ChoiceSets.Where(set => _byVariant.Keys.Any(set.Among)))
        {
            string first = label;
            for (int i = 0; i < _runs.Count; i++)
            {
                var chosen = Best(i, among);
                var report = _byVariant[chosen][i];
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {first} | {_runs[i].Name} | {chosen.Label} | {report.Mean.Ndcg10:0.000} | {report.Mean.Map:0.000} | {Difference(report, _xapian[i], Ndcg)} | {Difference(report, _xapian[i], Map)} |"));
                first = "";
            }
        }
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
    // The one-step neighbours of a variant: each setting moved to each of these values in turn.
    private static readonly string[] Stemmers = ["porter", "porter2"];
    private static readonly float[] K1Choices = [0.9f, 1.0f, 1.2f, 1.5f];
    private static readonly float[] BChoices = [0.4f, 0.5f, 0.6f, 0.75f];
    private static readonly float[] ProximityChoices = [0f, 0.1f, 0.25f, 0.5f];
    private static readonly float[] DeltaChoices = [0.25f, 1f];

    private static IEnumerable<(string Label, RankingVariant Variant)> Neighbours(RankingVariant v)
    {
        var r = v.Ranking;
        var a = v.Analysis;
        foreach (string s in Stemmers.Where(s => s != a.Stemmer))
            yield return ($"stemmer {s}", v with { Analysis = a with { Stemmer = s } });
        foreach (float k1 in K1Choices.Where(k => k != r.K1))
            yield return (string.Create(CultureInfo.InvariantCulture, $"k1 {k1}"), v with { Ranking = r with { K1 = k1 } });
        foreach (float b in BChoices.Where(b => b != r.B))
            yield return (string.Create(CultureInfo.InvariantCulture, $"b {b}"), v with { Ranking = r with { B = b } });
        yield return (r.RobertsonIdf ? "idf Lucene" : "idf Robertson (Xapian)", v with { Ranking = r with { RobertsonIdf = !r.RobertsonIdf } });
        yield return (r.K3 == null ? "qtf k3 1 (Xapian)" : "qtf linear", v with { Ranking = r with { K3 = r.K3 == null ? 1f : null } });
        yield return (r.QueryTermFrequency ? "query-term frequency off" : "query-term frequency on", v with { Ranking = r with { QueryTermFrequency = !r.QueryTermFrequency } });
        foreach (float p in ProximityChoices.Where(p => p != r.ProximityBoost))
            yield return (p > 0 ? string.Create(CultureInfo.InvariantCulture, $"proximity {p}") : "proximity off", v with { Ranking = r with { ProximityBoost = p } });
        foreach (int slop in new[] { 5, 50 })
            yield return (string.Create(CultureInfo.InvariantCulture, $"proximity within {slop} positions (not {r.ProximitySlop})"), v with { Ranking = r with { ProximitySlop = slop } });
        yield return (r.QueryFunctionWords ? "function words kept" : "function words dropped", v with { Ranking = r with { QueryFunctionWords = !r.QueryFunctionWords } });
        yield return ("request phrasing dropped too (\"I am interested in papers about\")", v with { Ranking = r with { QueryStopWords = true } });
        yield return (r.MinLengthNorm > 0 ? "min length off (Xapian's min_normlen 0.5 not applied)" : "min length 0.5 (Xapian's min_normlen)",
            v with { Ranking = r with { MinLengthNorm = r.MinLengthNorm > 0 ? 0 : 0.5f } });
        foreach (float delta in DeltaChoices.Where(d => d != r.Delta))
            yield return (string.Create(CultureInfo.InvariantCulture, $"BM25+ lower bound δ {delta} (Lv and Zhai)"), v with { Ranking = r with { Delta = delta } });
        yield return (r.NormMidpoints ? "norm lengths read as Lucene does (the longest of each byte)" : "norm lengths read as their middle",
            v with { Ranking = r with { NormMidpoints = !r.NormMidpoints } });
        yield return ("exact document lengths (index-time change, not shipped)", v with { Ranking = r with { DocumentLengths = ExactLengths.Instance } });
        yield return ("lengths counting stop words, as Xapian's (index-time change, not shipped)", v with { Ranking = r with { DocumentLengths = StopWordLengths.Instance } });
        foreach (var (combined, title, tie) in RankingVariant.FieldChoices)
        {
            var other = v with { Ranking = r with { CombinedField = combined, TitleWeight = title, FieldTieBreaker = tie } };
            if (other != v)
                yield return (combined ? "fields: one combined field" : string.Create(CultureInfo.InvariantCulture,
                    $"fields: title^{title} {(tie >= 1 ? "+" : $"max+{tie}×")} body"), other);
        }
    }
}
