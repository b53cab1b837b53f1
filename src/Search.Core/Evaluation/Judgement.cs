namespace Search.Core.Evaluation;

/// <summary>One qrels line: how relevant <paramref name="DocId"/> is to <paramref name="QueryId"/>.
/// Grades follow trec_eval: ≥ 1 relevant (higher is better, used as nDCG gain), 0 judged not
/// relevant, negative "in the pool but not judged" (also not relevant).</summary>
public sealed record Judgement(string QueryId, string DocId, int Grade);
