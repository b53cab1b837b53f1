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
/// Blank lines are ignored; an invalid or non-object line is skipped with its line number. A JSON
/// array written one item a line and saved as JSON Lines (<c>[</c>, <c>{…},</c>, <c>{…}</c>,
/// <c>]</c>), as exports often are, reads as its items: the brackets and the commas between items
/// are not records.
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
                foreach (var item in ReadLine(line, lineNumber, file))
                    yield return item;
        }
    }

    private static List<ReadItem> ReadLine(string line, int lineNumber, SourceFile file)
    {
        var item = ArrayItem(line);
        if (item.IsEmpty)
            return [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(item.Length == line.Length ? line.AsMemory() : item.ToString().AsMemory());
        }
        catch (JsonException e)
        {
            return [ReadItem.Skip(lineNumber, JsonProblem.Describe(e))];
        }
        using (document)
            return JsonRecord.Read(document.RootElement, file, lineNumber, lineNumber).ToList();
    }

    /// <summary>The line without the punctuation of an array written one item a line: a leading
    /// <c>[</c>, a trailing <c>,</c> or <c>]</c> around one object; empty for a line that is only
    /// <c>[</c>, <c>]</c> or <c>,</c>; any other line as it is. (A broken item's error counts bytes
    /// from the item's start.)</summary>
    internal static ReadOnlySpan<char> ArrayItem(string line)
    {
        var item = line.AsSpan().Trim();
        if (item is "[" or "]" or "," or "]," or "[]")
            return [];
        if (item.StartsWith('[') && !item.EndsWith(']'))
            item = item[1..].TrimStart(); // "[{…}," opens the array (a whole array on one line stays one)
        if (item.EndsWith(','))
            item = item[..^1].TrimEnd();
        if (item.EndsWith(']') && !item.StartsWith('['))
            item = item[..^1].TrimEnd(); // "{…}]" closes it
        return item.StartsWith('{') && item.EndsWith('}') ? item : line;
    }
}
