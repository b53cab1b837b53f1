using Search.Core.Indexing;
using Search.Core.Tests.Support;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>Builds and reads back indexes for the write-path tests.</summary>
internal static class BuildTestKit
{
    public static BuildSummary RunBuild(string index, params string[] roots) =>
        IndexBuilder.Build(new BuildOptions { Roots = roots, IndexPath = index });

    public static BuildSummary RunBuild(BuildOptions options, CancellationToken cancel = default) => IndexBuilder.Build(options, cancel);

    /// <summary>Every live article: (file, id) → title + body, and how many times each key occurs.</summary>
    public static (Dictionary<(string File, string Id), string> Articles, int Duplicates) Read(string index)
    {
        var articles = new Dictionary<(string, string), string>();
        int duplicates = 0;
        foreach (var d in IndexContents.LiveDocuments(index))
        {
            var key = (d.Get(Schema.File) ?? "", d.Get(Schema.Id) ?? "");
            if (!articles.TryAdd(key, d.Get(Schema.Title) + "\n" + d.Get(Schema.Body)))
                duplicates++;
        }
        return (articles, duplicates);
    }

    /// <summary>A JSON Lines file of <paramref name="count"/> articles with stated ids.</summary>
    public static string Jsonl(TempDir dir, string name, int count, Func<int, string>? body = null) =>
        dir.File(name, string.Concat(Enumerable.Range(1, count).Select(i =>
            $"{{\"id\":\"n{i}\",\"title\":\"Story number {i}\",\"body\":\"{body?.Invoke(i) ?? $"Harbour report {i} on ships and cargo."}\"}}\n")));

    /// <summary>Lets <paramref name="count"/> items through, then throws as a reader bug would.</summary>
    public static IEnumerable<Search.Core.Ingest.ReadItem> FailAfter(IEnumerable<Search.Core.Ingest.ReadItem> items, int count)
    {
        int n = 0;
        foreach (var item in items)
        {
            if (n++ == count)
                throw new InvalidOperationException("reader failed on purpose");
            yield return item;
        }
    }
}
