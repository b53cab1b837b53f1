using Lucene.Net.QueryParsers.Classic;
using Search.Benchmarks.Relevance.Collections;
using Search.Core;
using Search.Core.Evaluation;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Benchmarks.Relevance;

/// <summary>How a user sends a query's words: <c>search eval</c> / <c>search query --any</c> (keywords,
/// any may match), typed as <c>w1 OR w2 …</c>, or typed plainly (every word required).</summary>
public enum QueryForm { Any, Or, All }

/// <summary>
/// One test collection made ready for measuring our engine: written in the common format
/// (docs.jsonl, queries.tsv, qrels.txt: what a user feeds `search index` and `search eval`), indexed
/// by <see cref="IndexBuilder"/> once per analysis setting asked for, and evaluated with
/// <see cref="EvaluationSearch"/>, the search `search eval` runs, or as typed queries.
/// </summary>
public sealed partial class RelevanceRun
{
    /// <summary>A word a user types as it is: letters and digits, hyphens and apostrophes inside.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}\p{N}]+(['-][\p{L}\p{N}]+)*$")]
    private static partial System.Text.RegularExpressions.Regex PlainWord();

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

    public EvaluationReport Evaluate(AnalysisSettings? analysis = null, RankingSettings? ranking = null, int depth = 100,
        QueryForm form = QueryForm.Any, bool expand = false)
    {
        using var searcher = ArticleSearcher.Open(Index(analysis ?? AnalysisSettings.Default), ranking ?? RankingSettings.Default);
        if (form == QueryForm.Any && !expand)
            return EvaluationSearch.Evaluate(searcher, Queries, Qrels, depth);
        return Score(Search(searcher, form, depth, expand), depth);
    }

    /// <summary>Our ranked lists for every query sent in <paramref name="form"/>, by query id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string DocId, float Score)>> Run(AnalysisSettings analysis, RankingSettings ranking,
        QueryForm form, int depth = 100, bool wordsAsTyped = false)
    {
        using var searcher = ArticleSearcher.Open(Index(analysis), ranking);
        return Search(searcher, form, depth, expand: false, wordsAsTyped);
    }

    /// <summary>With <paramref name="wordsAsTyped"/>, a keyword (<see cref="QueryForm.Any"/>) query
    /// gets exactly the words the typed forms get (cut where they are cut), to compare rankings.</summary>
    private Dictionary<string, IReadOnlyList<(string DocId, float Score)>> Search(ArticleSearcher searcher, QueryForm form, int depth, bool expand,
        bool wordsAsTyped = false)
    {
        var run = new Dictionary<string, IReadOnlyList<(string DocId, float Score)>>(StringComparer.Ordinal);
        foreach (var q in Queries)
        {
            if (form == QueryForm.Any)
            {
                string text = wordsAsTyped ? string.Join(' ', TypedWords(q.Text, searcher, QueryForm.Or)) : q.Text;
                run[q.Id] = EvaluationSearch.Run(searcher, text, depth, expand);
                continue;
            }
            string typed = string.Join(form == QueryForm.Or ? " OR " : " ", TypedWords(q.Text, searcher, form));
            run[q.Id] = searcher.Search(new SearchRequest { Query = typed, Limit = depth, Snippets = false, Suggest = false })
                .Hits.Select(h => (h.Id, h.Score)).ToList();
        }
        return run;
    }

    /// <summary>The words of a query as a user would type them into `search query`: syntax
    /// characters escaped; all of them, or, when `search query` refuses that many (more than 64
    /// words, or a hyphenated word's parts counted apart), the longest start of them it takes, as a
    /// user would have to.</summary>
    private static List<string> TypedWords(string text, ArticleSearcher searcher, QueryForm form)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(".,;:!?()[]{}\"'".ToCharArray()))
            .Where(w => w.Length > 0)
            .Select(w => w is "AND" or "OR" or "NOT" or "TO" ? w.ToLowerInvariant() : PlainWord().IsMatch(w) ? w : QueryParserBase.Escape(w))
            .ToList();
        for (int take = words.Count; take > 1; take = Math.Min(take - 1, MaxTypedWords))
        {
            try
            {
                searcher.Search(new SearchRequest { Query = string.Join(form == QueryForm.Or ? " OR " : " ", words.Take(take)), Limit = 1, Snippets = false, Suggest = false });
                return words.Take(take).ToList();
            }
            catch (QuerySyntaxException)
            {
                // too many words: a user would cut it
            }
        }
        return words.Take(1).ToList();
    }

    /// <summary>`search query` always takes this many words (<see cref="ArticleSearcher.MaxQueryTerms"/> / 2).</summary>
    private const int MaxTypedWords = 64;

    /// <summary>Measures a peer's run with the same code that measures ours.</summary>
    public EvaluationReport Score(IReadOnlyDictionary<string, IReadOnlyList<(string DocId, float Score)>> run, int depth = 100) =>
        RunFile.Evaluate(run, Qrels, Queries, depth);
}
