using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance.Collections;

/// <summary>One document of a test collection, with the collection's own id.</summary>
public sealed record CollectionDocument(string Id, string Body)
{
    public string? Title { get; init; }
    public string? Author { get; init; }

    /// <summary>ISO date <c>yyyy-MM-dd</c> when the collection states one.</summary>
    public string? Published { get; init; }
}

/// <summary>
/// A relevance test collection converted from its original files: documents, queries whose ids are
/// the qrels' query ids, and judgements that refer to documents by <see cref="CollectionDocument.Id"/>.
/// </summary>
public sealed record TestCollection(
    string Name,
    IReadOnlyList<CollectionDocument> Documents,
    IReadOnlyList<EvaluationQuery> Queries,
    IReadOnlyList<Judgement> Judgements);
