using Search.Core.Evaluation;
using Search.Core.Evaluation.Collections;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// One test collection made ready for measuring our engine: written as JSONL + queries + qrels
/// (what a user feeds `search index` and `search eval`), indexed by <see cref="IndexBuilder"/>
/// once per analysis setting asked for, and evaluated with <see cref="EvaluationSearch"/>, the
/// search `search eval` runs.
/// </summary>
public sealed class RelevanceRun
{
    private readonly Dictionary<AnalysisSettings, string> _indexes = new();

    public RelevanceRun(TestCollection collection, string workDirectory)
    {
        Collection = collection;
        Directory = Path.Combine(workDirectory, collection.Name);
        TestCollectionWriter.Write(collection, Directory);
        Queries = QueriesFile.Load(Path.Combine(Directory, TestCollectionWriter.QueriesFileName));
        Qrels = QrelsFile.Load(Path.Combine(Directory, TestCollectionWriter.QrelsFileName));
    }

    public TestCollection Collection { get; }
    public string Name => Collection.Name;
    public string Directory { get; }
    public IReadOnlyList<EvaluationQuery> Queries { get; }
    public Qrels Qrels { get; }

    /// <summary>The index of this collection built with <paramref name="analysis"/> (built on first use).</summary>
    public string Index(AnalysisSettings analysis)
    {
        if (_indexes.TryGetValue(analysis, out var path))
            return path;
        path = Path.Combine(Directory, $"index-{analysis.Stemmer}-{(analysis.StopWords ? "stop" : "nostop")}");
        IndexBuilder.Build(new BuildOptions
        {
            Roots = new[] { Path.Combine(Directory, TestCollectionWriter.ArticlesFile) },
            IndexPath = path,
            Rebuild = true,
            Analysis = analysis,
            Threads = 1,
        });
        return _indexes[analysis] = path;
    }

    public EvaluationReport Evaluate(AnalysisSettings? analysis = null, RankingSettings? ranking = null, int depth = 100)
    {
        using var searcher = ArticleSearcher.Open(Index(analysis ?? AnalysisSettings.Default), ranking ?? RankingSettings.Default);
        return EvaluationSearch.Evaluate(searcher, Queries, Qrels, depth);
    }

    public EvaluationReport Baseline(int depth = 100) => LuceneBaseline.Evaluate(Collection.Documents, Queries, Qrels, depth);
}
