using System.Text.Json;
using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance.Collections;

/// <summary>
/// A collection already in the common format (ADI, LISA, NPL under ../shared/corpora/relevance):
/// <c>docs.jsonl</c> (<c>{"id", "title", "body"}</c> per line), <c>queries.tsv</c> and TREC
/// <c>qrels.txt</c>, the files <see cref="TestCollectionWriter"/> writes.
/// </summary>
public static class CommonFormatCollection
{
    public static TestCollection Load(string directory) => Load(directory, Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)));

    public static TestCollection Load(string directory, string name)
    {
        var documents = new List<CollectionDocument>();
        string docsPath = Path.Combine(directory, TestCollectionWriter.ArticlesFile);
        int lineNumber = 0;
        foreach (string line in File.ReadLines(docsPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                string id = root.GetProperty("id").GetString() ?? throw new FormatException("id is null");
                string? title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
                string body = root.TryGetProperty("body", out var b) ? b.GetString() ?? "" : "";
                documents.Add(new CollectionDocument(id, body) { Title = string.IsNullOrWhiteSpace(title) ? null : title });
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new EvaluationFormatException(TestCollectionWriter.ArticlesFile, lineNumber, $"not a document object: {e.Message}");
            }
        }
        var queries = QueriesFile.Load(Path.Combine(directory, TestCollectionWriter.QueriesFileName));
        var qrels = QrelsFile.Load(Path.Combine(directory, TestCollectionWriter.QrelsFileName));
        return new TestCollection(name, documents, queries, qrels.All.ToList());
    }
}
