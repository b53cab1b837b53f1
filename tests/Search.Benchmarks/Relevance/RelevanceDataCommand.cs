using Search.Core.Evaluation;
using Search.Benchmarks.Relevance.Collections;

namespace Search.Benchmarks.Relevance;

/// <summary>
/// <c>relevance-data --out DIR [--source DIR]</c>: writes the five relevance test collections (TIME and
/// Cranfield converted from their original formats, ADI, LISA and NPL as they are; under
/// <c>../shared/corpora/relevance</c>) into <c>DIR/&lt;name&gt;/docs.jsonl</c>,
/// <c>queries.tsv</c> and <c>qrels.txt</c>, ready for <c>search index</c> and <c>search eval</c>.
/// </summary>
public static class RelevanceDataCommand
{
    public const string Name = "relevance-data";
    public const string Usage = "relevance-data --out DIR [--source DIR]   write the five collections in the common format (docs.jsonl, queries.tsv, TREC qrels)";

    internal static readonly (string Folder, Func<string, TestCollection> Load)[] Collections =
    [
        ("time", TimeCollection.Load),
        ("cran", CranfieldCollection.Load),
        ("adi", d => CommonFormatCollection.Load(d, "adi")),
        ("lisa", d => CommonFormatCollection.Load(d, "lisa")),
        ("npl", d => CommonFormatCollection.Load(d, "npl")),
    ];

    public static int Run(string[] args)
    {
        string? output = null, source = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--source" when i + 1 < args.Length: source = args[++i]; break;
                default:
                    Console.Error.WriteLine($"{Name}: unexpected argument '{args[i]}'\nusage: {Usage}");
                    return 2;
            }
        }
        if (output == null)
        {
            Console.Error.WriteLine($"{Name}: --out is required\nusage: {Usage}");
            return 2;
        }
        source ??= FindSharedRelevance();
        if (source == null || !Directory.Exists(source))
        {
            Console.Error.WriteLine($"{Name}: no relevance corpora found; pass --source DIR (the folder holding time/ and cran/)");
            return 1;
        }
        try
        {
            foreach (var (folder, load) in Collections)
            {
                var collection = load(Path.Combine(source, folder));
                string target = Path.Combine(output, collection.Name);
                TestCollectionWriter.Write(collection, target);
                int judgedQueries = collection.Judgements.Select(j => j.QueryId).Distinct().Count();
                Console.WriteLine($"{collection.Name}: {collection.Documents.Count} documents, {collection.Queries.Count} queries " +
                                  $"({judgedQueries} judged), {collection.Judgements.Count} judgements -> {target}");
            }
            return 0;
        }
        catch (Exception e) when (e is EvaluationFormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary><c>SEARCH_SHARED</c>, else the first <c>shared/corpora/relevance</c> above the
    /// working directory or the program (the same search the tests make).</summary>
    internal static string? FindSharedRelevance()
    {
        string? env = Environment.GetEnvironmentVariable("SEARCH_SHARED");
        if (!string.IsNullOrEmpty(env)) return Path.Combine(env, "corpora", "relevance");
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "corpora", "relevance");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
