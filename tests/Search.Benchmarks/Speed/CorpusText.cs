using System.Text.Json;

namespace Search.Benchmarks.Speed;

/// <summary>One article as the baselines see it: no enrichment, just title and body.</summary>
public readonly record struct PlainArticle(string Id, string Title, string Body);

/// <summary>
/// The baselines' trivial reader. Text files: the first line is the title, the rest the body
/// (URLs and all: a plain engine does no metadata extraction). JSONL: the id, title and body
/// members, parsed with System.Text.Json. Files in ordinal path order, one thread.
/// </summary>
public static class CorpusText
{
    public static IEnumerable<PlainArticle> Read(Corpus corpus)
    {
        var files = Directory.EnumerateFiles(corpus.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(corpus.Root, file);
            if (corpus.Format == CorpusFormat.Txt)
            {
                string text = File.ReadAllText(file);
                int nl = text.IndexOf('\n');
                yield return nl < 0
                    ? new PlainArticle(relative, text.Trim(), "")
                    : new PlainArticle(relative, text[..nl].Trim(), text[(nl + 1)..]);
                continue;
            }
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            int line = 0;
            while (reader.ReadLine() is { } json)
            {
                line++;
                if (string.IsNullOrWhiteSpace(json))
                    continue;
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                yield return new PlainArticle(
                    Member(root, "id") ?? $"{relative}:{line}",
                    Member(root, "title") ?? "",
                    Member(root, "body") ?? "");
            }
        }
    }

    private static string? Member(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
