using System.Text.Json;

namespace Search.Core.Ingest;

/// <summary>
/// Reads JSON Lines (.jsonl, .ndjson, and .json files whose first line is a whole object): one
/// article object per line, streamed line by line. Properties are mapped by
/// <see cref="FieldMapping"/>. The record number is the physical line number, so ids
/// (<c>RelativePath#line</c> when the object has no id) stay stable when lines are added elsewhere.
/// <para>Values of unexpected types are used where meaningful: numbers and booleans as their text;
/// arrays as lists (tags, places), joined authors ("A, B"), body paragraphs, or else their first
/// item; objects with a "name" (author, source objects) as that name; other objects are ignored,
/// and a record left with neither title nor body is skipped.</para>
/// Blank lines are ignored; an invalid or non-object line is skipped with its line number.
/// </summary>
public sealed class JsonLinesArticleReader : IArticleReader
{
    public string Format => "jsonl";

    /// <summary>.jsonl/.ndjson always; .json when the first non-blank line is one whole object
    /// (starts with '{' and ends with '}'), i.e. not a pretty-printed document or an array.</summary>
    public bool CanRead(string extension, ReadOnlySpan<byte> head)
    {
        if (extension is ".jsonl" or ".ndjson")
            return true;
        if (extension != ".json")
            return false;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        head = head.TrimStart(" \t\r\n"u8);
        if (head.IsEmpty || head[0] != '{')
            return false;
        int newline = head.IndexOfAny((byte)'\n', (byte)'\r');
        return newline < 0 || head[..newline].TrimEnd(" \t"u8).EndsWith("}"u8);
    }

    public IEnumerable<ReadItem> Read(SourceFile file) => TextDecoding.ReadRecords(file, Read);

    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(new StringReader(text), file);

    /// <summary>Reads JSON Lines from <paramref name="reader"/> (for files already open, and tests).</summary>
    public static IEnumerable<ReadItem> Read(TextReader reader, SourceFile file)
    {
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
                yield return ReadLine(line, lineNumber, file);
        }
    }

    private static ReadItem ReadLine(string line, int lineNumber, SourceFile file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return ReadItem.Skip(lineNumber, JsonProblem.Describe(e));
        }
        using (document)
            return ReadObject(document.RootElement, file, lineNumber, lineNumber);
    }

    /// <summary>One article from a JSON value: an object's properties mapped by
    /// <see cref="FieldMapping"/>, or a skipped record saying why not. Shared with
    /// <see cref="JsonDocumentArticleReader"/>.</summary>
    internal static ReadItem ReadObject(JsonElement root, SourceFile file, int record, int line)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return ReadItem.Skip(line, $"not a JSON object but {root.ValueKind.ToString().ToLowerInvariant()}");
        var article = new Article();
        try
        {
            foreach (JsonProperty property in root.EnumerateObject())
                if (FieldMapping.TryMap(property.Name, out ArticleField field))
                    ApplyValue(article, field, property.Value);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json parses "\ud800" (an unpaired surrogate escape) but throws when the
            // string is read; left unhandled it ended the whole build.
            return ReadItem.Skip(line, "invalid JSON string (an unpaired UTF-16 surrogate escape like \\ud800): " + e.Message);
        }
        string? problem = FieldMapping.Complete(article, file, record, line);
        return problem == null ? ReadItem.Of(article) : ReadItem.Skip(line, problem);
    }

    private static void ApplyValue(Article article, ArticleField field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                var items = new List<string>();
                foreach (JsonElement item in value.EnumerateArray())
                    if (ScalarText(item, field) is string text)
                        items.Add(text);
                FieldMapping.ApplyList(article, field, items);
                break;
            default:
                if (ScalarText(value, field) is string scalar)
                    FieldMapping.Apply(article, field, scalar);
                break;
        }
    }

    /// <summary>Text of a string, number or boolean; for fields naming things (author, source, tags,
    /// places) also the "name" of an object; else null.</summary>
    private static string? ScalarText(JsonElement value, ArticleField field) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Object when field is ArticleField.Author or ArticleField.Source or ArticleField.Tags or ArticleField.Places
                                  && value.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String => name.GetString(),
        _ => null,
    };
}
