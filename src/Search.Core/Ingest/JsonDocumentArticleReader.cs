using System.Text.Json;

namespace Search.Core.Ingest;

/// <summary>
/// Reads a `.json` file that is one JSON document rather than JSON Lines: an array of article
/// objects (`[{...}, {...}]`), one article object spread over several lines (pretty-printed), or an
/// API response holding a list of articles. Each value is read by <see cref="JsonRecord"/>. The record number is the
/// item's place in the array (1-based), so ids without an "id" are <c>RelativePath#N</c>; problems
/// are reported at the line where the item starts. The document is read whole (for archives of
/// millions of articles, JSON Lines streams). A broken array item is reported with its line and
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
    /// indexer, and tests). A UTF-8 file's bytes are read as they are, not decoded to text and
    /// encoded back: a file of N bytes takes N bytes of memory, not four times that.</summary>
    public static IEnumerable<ReadItem> Read(TextReader reader, SourceFile file)
    {
        if (reader is StreamReader { CurrentEncoding: UTF8Encoding } utf8)
            return Read(ReadRest(utf8.BaseStream), file);
        return Read(Encoding.UTF8.GetBytes(reader.ReadToEnd()), file);
    }

    private static byte[] ReadRest(Stream stream)
    {
        if (stream.CanSeek)
        {
            var bytes = new byte[stream.Length - stream.Position];
            stream.ReadExactly(bytes);
            return bytes;
        }
        using var copy = new MemoryStream(); // gunzipped: its length is not known before
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The document's articles, handed on as each array item is read, so the indexer
    /// holds the file's bytes and a batch of articles, not every article of a big export at once.</summary>
    private static IEnumerable<ReadItem> Read(byte[] json, SourceFile file)
    {
        var lines = new LineIndex(json);
        int p = json.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        p = SkipTrivia(json, p);
        if (p >= json.Length)
            yield break;
        if (json[p] != '[')
        {
            foreach (var single in ReadSingle(json, p, file, lines))
                yield return single;
            yield break;
        }
        p++;
        int record = 0;
        while (true)
        {
            p = SkipTrivia(json, p);
            if (p >= json.Length)
            {
                yield return ReadItem.Skip(lines.LineAt(json.Length), "invalid JSON: the file ends inside the array (no closing ']')");
                yield break;
            }
            if (json[p] == ']')
            {
                p = SkipTrivia(json, p + 1);
                if (p < json.Length)
                    yield return ReadItem.Skip(lines.LineAt(p), "more JSON after the end of the document");
                yield break;
            }
            record++;
            int line = lines.LineAt(p);
            var (articles, end, error) = ReadItemAt(json, p, file, record, line, lines);
            foreach (var article in articles)
                yield return article;
            if (error == null)
            {
                p = SkipTrivia(json, end);
                if (p < json.Length && json[p] == ',')
                {
                    p++;
                    continue;
                }
                if (p >= json.Length || json[p] == ']')
                    continue;
                error = $"invalid JSON at line {lines.LineAt(p)}, byte {lines.ColumnAt(p)}: expected ',' or ']' after the item that starts on line {line}";
                record++; // what follows is counted as the next item
                line = lines.LineAt(p);
            }
            // Go on at the next top-level object: one that parses, has an article field and is
            // followed by ',' or ']'; the broken item and anything before that is skipped.
            int next = NextItem(json, p + 1);
            yield return ReadItem.Skip(line, next < 0
                ? error + "; nothing after it could be read"
                : error + $"; reading resumed on line {lines.LineAt(next)}");
            if (next < 0)
                yield break;
            p = next;
        }
    }

    /// <summary>The array item at <paramref name="p"/>: its articles and where it ends, or why it
    /// cannot be read.</summary>
    private static (List<ReadItem> Articles, int End, string? Error) ReadItemAt(byte[] json, int p, SourceFile file, int record, int line, LineIndex lines)
    {
        try
        {
            var reader = new Utf8JsonReader(json.AsSpan(p), isFinalBlock: true, new JsonReaderState(Options));
            reader.Read();
            using var item = JsonDocument.ParseValue(ref reader);
            return (JsonRecord.Read(item.RootElement, file, record, line).ToList(), p + (int)reader.BytesConsumed, null);
        }
        catch (JsonException e)
        {
            long at = e.LineNumber is > 0 ? lines.LineStart(lines.LineAt(p) + (int)e.LineNumber) + (e.BytePositionInLine ?? 0) : p + (e.BytePositionInLine ?? 0);
            at = Math.Min(at, json.Length);
            return ([], p, $"invalid JSON at line {lines.LineAt(at)}, byte {lines.ColumnAt(at)}: {JsonProblem.What(e)}");
        }
    }

    private static List<ReadItem> ReadSingle(byte[] json, int p, SourceFile file, LineIndex lines)
    {
        var items = new List<ReadItem>();
        var reader = new Utf8JsonReader(json.AsSpan(p), isFinalBlock: true, new JsonReaderState(Options));
        try
        {
            reader.Read();
            using (var document = JsonDocument.ParseValue(ref reader))
                items.AddRange(JsonRecord.Read(document.RootElement, file, 1, lines.LineAt(p)));
            int rest = SkipTrivia(json, p + (int)reader.BytesConsumed);
            if (rest < json.Length)
                items.Add(ReadItem.Skip(lines.LineAt(rest), "more JSON after the end of the document"));
        }
        catch (JsonException e)
        {
            items.Add(ReadItem.Skip(JsonProblem.Line(e) + lines.LineAt(p) - 1, JsonProblem.DescribeInFile(e, lines.LineAt(p) - 1)));
        }
        return items;
    }

    /// <summary>The offset of the next object at or after <paramref name="from"/> that can be an
    /// array item: preceded by ',' or '[', parsing whole, naming a title or body, and followed by
    /// ',' or ']' (or the end); -1 when there is none. Nested objects (an author object, a list of
    /// tags) fail one of these.</summary>
    private static int NextItem(byte[] json, int from)
    {
        for (int c = Array.IndexOf(json, (byte)'{', Math.Min(from, json.Length)); c >= 0; c = Array.IndexOf(json, (byte)'{', c + 1))
        {
            int before = c - 1;
            while (before >= 0 && json[before] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                before--;
            if (before < 0 || json[before] is not ((byte)',' or (byte)'['))
                continue;
            try
            {
                var reader = new Utf8JsonReader(json.AsSpan(c), isFinalBlock: true, new JsonReaderState(Options));
                reader.Read();
                using var item = JsonDocument.ParseValue(ref reader);
                int after = SkipTrivia(json, c + (int)reader.BytesConsumed);
                if (after < json.Length && json[after] is not ((byte)',' or (byte)']'))
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
    private static int SkipTrivia(byte[] json, int p)
    {
        while (p < json.Length)
        {
            byte b = json[p];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                p++;
            else if (b == '/' && p + 1 < json.Length && json[p + 1] == '/')
            {
                int nl = Array.IndexOf(json, (byte)'\n', p);
                p = nl < 0 ? json.Length : nl + 1;
            }
            else if (b == '/' && p + 1 < json.Length && json[p + 1] == '*')
            {
                int end = json.AsSpan(p + 2).IndexOf("*/"u8);
                p = end < 0 ? json.Length : p + 2 + end + 2;
            }
            else
                break;
        }
        return p;
    }

    /// <summary>Lines of byte offsets: where each line starts, searched by bisection.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];

        public LineIndex(byte[] bytes)
        {
            for (int i = bytes.AsSpan().IndexOf((byte)'\n'); i >= 0; i = NextNewline(bytes, i + 1))
                _starts.Add(i + 1);
        }

        private static int NextNewline(byte[] bytes, int from)
        {
            int i = bytes.AsSpan(from).IndexOf((byte)'\n');
            return i < 0 ? -1 : from + i;
        }

        /// <summary>The 1-based line of <paramref name="offset"/>.</summary>
        public int LineAt(long offset)
        {
            int i = _starts.BinarySearch((int)offset);
            return i >= 0 ? i + 1 : ~i;
        }

        /// <summary>The 1-based byte of <paramref name="offset"/> within its line.</summary>
        public int ColumnAt(long offset) => (int)(offset - _starts[LineAt(offset) - 1]) + 1;

        /// <summary>The offset where 1-based <paramref name="line"/> starts.</summary>
        public long LineStart(int line) => _starts[Math.Clamp(line - 1, 0, _starts.Count - 1)];
    }
}
