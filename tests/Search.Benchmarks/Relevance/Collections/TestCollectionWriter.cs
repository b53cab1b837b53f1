using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

using Search.Core.Evaluation;

namespace Search.Benchmarks.Relevance.Collections;

/// <summary>
/// Writes a test collection in the formats the engine and <c>search eval</c> read:
/// <c>articles.jsonl</c> (one object per line: <c>id</c>, <c>title</c>, <c>author</c>,
/// <c>published</c> when known, <c>body</c>), <c>queries.tsv</c> (<see cref="QueriesFile"/>) and
/// <c>qrels.txt</c> (<see cref="QrelsFile"/>). UTF-8 without BOM, '\n' line ends.
/// </summary>
public static class TestCollectionWriter
{
    public const string ArticlesFile = "docs.jsonl";
    public const string QueriesFileName = "queries.tsv";
    public const string QrelsFileName = "qrels.txt";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A data file, never embedded in HTML: keep apostrophes and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the three files into <paramref name="directory"/> (created if needed).</summary>
    public static void Write(TestCollection collection, string directory)
    {
        Directory.CreateDirectory(directory);
        using (var w = new StreamWriter(Path.Combine(directory, ArticlesFile), false, Utf8)) WriteArticles(w, collection.Documents);
        using (var w = new StreamWriter(Path.Combine(directory, QueriesFileName), false, Utf8)) QueriesFile.Write(w, collection.Queries);
        using (var w = new StreamWriter(Path.Combine(directory, QrelsFileName), false, Utf8)) QrelsFile.Write(w, collection.Judgements);
    }

    public static void WriteArticles(TextWriter writer, IEnumerable<CollectionDocument> documents)
    {
        foreach (var d in documents)
        {
            var line = new ArticleLine(d.Id, d.Title, d.Author, d.Published, d.Body);
            writer.Write(JsonSerializer.Serialize(line, JsonOptions));
            writer.Write('\n');
        }
    }

    // Property order here is the order in the file: id first makes the JSONL easy to grep.
    private sealed record ArticleLine(string Id, string? Title, string? Author, string? Published, string Body);
}
