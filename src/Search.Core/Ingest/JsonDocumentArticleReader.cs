using System.Text.Json;

namespace Search.Core.Ingest;

/// <summary>
/// Reads a `.json` file that is one JSON document rather than JSON Lines: an array of article
/// objects (`[{...}, {...}]`), one article object spread over several lines (pretty-printed), or an
/// API response holding a list of articles. Each value is read by <see cref="JsonRecord"/>. The record number is the
/// item's place in the array (1-based), so ids without an "id" are <c>RelativePath#N</c>; problems
/// are reported at the line where the item starts. An array is streamed an item at a time
/// (<see cref="JsonWindow"/>): an export of any size is read holding about one item's bytes. A
/// broken array item is reported with its line and
/// byte, and reading goes on at the next top-level object, so the items after it are kept too.
/// </summary>
public sealed class JsonDocumentArticleReader : IArticleReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public string Format => "json";

    /// <summary>.json whose first character is '[' or '{' (the JSON Lines reader, asked first,
    /// takes files whose first line is a whole object).</summary>
    public bool CanRead(string extension, ReadOnlySpan<byte> head)
    {
        if (extension != ".json")
            return false;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        head = head.TrimStart(" \t\r\n"u8);
        return !head.IsEmpty && head[0] is (byte)'[' or (byte)'{';
    }

    public IEnumerable<ReadItem> Read(SourceFile file) => TextDecoding.ReadRecords(file, Read);

    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(Encoding.UTF8.GetBytes(text), file);

    /// <summary>Reads a document from <paramref name="reader"/> (a big file, streamed to the
    /// indexer, and tests). A UTF-8 file's bytes are read as they come, not decoded to text and
    /// encoded back, and only about one item's bytes are held at a time (<see cref="JsonWindow"/>).</summary>
    public static IEnumerable<ReadItem> Read(TextReader reader, SourceFile file) =>
        reader is StreamReader { CurrentEncoding: UTF8Encoding } utf8
            ? Read(new JsonWindow(utf8.BaseStream), file)
            : Read(Encoding.UTF8.GetBytes(reader.ReadToEnd()), file);

    private static IEnumerable<ReadItem> Read(byte[] json, SourceFile file) => Read(new JsonWindow(json), file);

    /// <summary>The document's articles, handed on as each array item is read, so the indexer
    /// holds about one item's bytes and a batch of articles, not a whole export at once.</summary>
    internal static IEnumerable<ReadItem> Read(JsonWindow json, SourceFile file)
    {
        long p = json.At(0) == 0xEF && json.At(1) == 0xBB && json.At(2) == 0xBF ? 3 : 0;
        p = SkipTrivia(json, p);
        if (json.At(p) < 0)
            yield break;
        if (json.At(p) != '[')
        {
            foreach (var single in ReadSingle(json, p, file))
                yield return single;
            yield break;
        }
        p++;
        int record = 0;
        while (true)
        {
            p = SkipTrivia(json, p);
            json.Release(p); // what is behind has been handed on
            if (json.At(p) < 0)
            {
                yield return ReadItem.Skip(json.LineAt(json.End), "invalid JSON: the file ends inside the array (no closing ']')");
                yield break;
            }
            if (json.At(p) == ']')
            {
                p = SkipTrivia(json, p + 1);
                if (json.At(p) >= 0)
                    yield return ReadItem.Skip(json.LineAt(p), "more JSON after the end of the document");
                yield break;
            }
            record++;
            int line = json.LineAt(p);
            var (articles, end, error) = ReadItemAt(json, p, file, record, line);
            foreach (var article in articles)
                yield return article;
            if (error == null)
            {
                p = SkipTrivia(json, end);
                int after = json.At(p);
                if (after == ',')
                {
                    p++;
                    continue;
                }
                if (after < 0 || after == ']')
                    continue;
                error = $"invalid JSON at line {json.LineAt(p)}, byte {json.ColumnAt(p)}: expected ',' or ']' after the item that starts on line {line}";
                record++; // what follows is counted as the next item
                line = json.LineAt(p);
            }
            // Go on at the next top-level object: one that parses, has an article field and is
            // followed by ',' or ']'; the broken item and anything before that is skipped.
            long next = NextItem(json, p + 1);
            yield return ReadItem.Skip(line, next < 0
                ? error + "; nothing after it could be read"
                : error + $"; reading resumed on line {json.LineAt(next)}");
            if (next < 0)
                yield break;
            p = next;
        }
    }

    /// <summary>The value at <paramref name="p"/>, reading on until it is whole; where it ends.</summary>
    /// <exception cref="JsonException">The value is not valid JSON, or the document ends inside it.</exception>
    private static JsonDocument ParseAt(JsonWindow json, long p, out long end)
    {
        // Most values lie whole within what has been read: parsed in one pass, as a final block.
        // One that ends where the read bytes end may go on (a number), and one that fails may
        // only be cut off: both are read again below.
        if (json.At(p) >= 0)
        {
            try
            {
                var whole = new Utf8JsonReader(json.From(p), isFinalBlock: true, new JsonReaderState(Options));
                whole.Read();
                JsonDocument document = JsonDocument.ParseValue(ref whole);
                end = p + whole.BytesConsumed;
                if (json.AtEnd || end < json.End)
                    return document;
                document.Dispose();
            }
            catch (JsonException) when (!json.AtEnd)
            {
            }
        }
        // Read on until the value is whole (a reader that is not told the data is all says "not
        // yet" where the bytes run out, and fails only where they are wrong).
        while (true)
        {
            var reader = new Utf8JsonReader(json.From(p), json.AtEnd, new JsonReaderState(Options));
            if (reader.Read() && JsonDocument.TryParseValue(ref reader, out JsonDocument? document))
            {
                end = p + reader.BytesConsumed;
                return document!;
            }
            if (!json.More() && json.AtEnd && reader.IsFinalBlock)
                throw new JsonException("the document ends inside the value", null, 0, reader.BytesConsumed);
        }
    }

    /// <summary>The array item at <paramref name="p"/>: its articles and where it ends, or why it
    /// cannot be read.</summary>
    private static (List<ReadItem> Articles, long End, string? Error) ReadItemAt(JsonWindow json, long p, SourceFile file, int record, int line)
    {
        try
        {
            using JsonDocument item = ParseAt(json, p, out long end);
            return (JsonRecord.Read(item.RootElement, file, record, line).ToList(), end, null);
        }
        catch (JsonException e)
        {
            long at = e.LineNumber is > 0 ? json.LineStart(json.LineAt(p) + (int)e.LineNumber) + (e.BytePositionInLine ?? 0) : p + (e.BytePositionInLine ?? 0);
            at = Math.Min(at, json.End);
            return ([], p, $"invalid JSON at line {json.LineAt(at)}, byte {json.ColumnAt(at)}: {JsonProblem.What(e)}");
        }
    }

    private static List<ReadItem> ReadSingle(JsonWindow json, long p, SourceFile file)
    {
        var items = new List<ReadItem>();
        int line = json.LineAt(p);
        try
        {
            long end;
            using (JsonDocument document = ParseAt(json, p, out end))
                items.AddRange(JsonRecord.Read(document.RootElement, file, 1, line));
            long rest = SkipTrivia(json, end);
            if (json.At(rest) >= 0)
                items.Add(ReadItem.Skip(json.LineAt(rest), "more JSON after the end of the document"));
        }
        catch (JsonException e)
        {
            items.Add(ReadItem.Skip(JsonProblem.Line(e) + line - 1, JsonProblem.DescribeInFile(e, line - 1)));
        }
        return items;
    }

    /// <summary>The offset of the next object at or after <paramref name="from"/> that can be an
    /// array item: preceded by ',' or '[', parsing whole, naming a title or body, and followed by
    /// ',' or ']' (or the end); -1 when there is none. Nested objects (an author object, a list of
    /// tags) fail one of these.</summary>
    private static long NextItem(JsonWindow json, long from)
    {
        for (long c = json.IndexOf((byte)'{', from); c >= 0; c = json.IndexOf((byte)'{', c + 1))
        {
            long before = c - 1;
            while (before >= json.Start && json.At(before) is ' ' or '\t' or '\r' or '\n')
                before--;
            bool follows = before >= json.Start && json.At(before) is ',' or '[';
            json.Release(Math.Max(json.Start, before)); // a long stretch of broken items is not held
            if (!follows)
                continue;
            try
            {
                using JsonDocument item = ParseAt(json, c, out long end);
                long after = SkipTrivia(json, end);
                if (json.At(after) is not (',' or ']' or -1))
                    continue;
                foreach (var property in item.RootElement.EnumerateObject())
                    if (FieldMapping.TryMap(property.Name, out var field) && FieldMapping.IsText(field))
                        return c;
            }
            catch (JsonException)
            {
            }
        }
        return -1;
    }

    /// <summary>Skips whitespace and comments (allowed by <see cref="Options"/>).</summary>
    private static long SkipTrivia(JsonWindow json, long p)
    {
        while (true)
        {
            int b = json.At(p);
            if (b is ' ' or '\t' or '\r' or '\n')
                p++;
            else if (b == '/' && json.At(p + 1) == '/')
            {
                long newline = json.IndexOf((byte)'\n', p);
                p = newline < 0 ? json.End : newline + 1;
            }
            else if (b == '/' && json.At(p + 1) == '*')
            {
                long star = p + 2;
                while ((star = json.IndexOf((byte)'*', star)) >= 0 && json.At(star + 1) != '/')
                    star++;
                p = star < 0 ? json.End : star + 2;
            }
            else
                return p;
        }
    }
}
