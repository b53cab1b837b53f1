namespace Search.Core.Evaluation;

/// <summary>A query of a test collection: its id (as used in the qrels) and its text.</summary>
public sealed record EvaluationQuery(string Id, string Text);
