using Search.Core.Evaluation;

namespace Search.Core.Tests.Evaluation;

/// <summary>Builders for small hand-made runs and qrels.</summary>
internal static class EvaluationTestData
{
    /// <summary>Qrels from "query doc grade" triples.</summary>
    public static Qrels Qrels(params (string Query, string Doc, int Grade)[] lines) =>
        new(lines.Select(l => new Judgement(l.Query, l.Doc, l.Grade)));

    /// <summary>A run whose scores descend in the order given.</summary>
    public static (string DocId, float Score)[] Run(params string[] docIds) =>
        docIds.Select((d, i) => (d, (float)(docIds.Length - i))).ToArray();
}
