using System.Text;
using System.Text.Json;

namespace Search.Core.Ingest;

/// <summary>
/// Reads a `.json` file that is one JSON document rather than JSON Lines: an array of article
/// objects (`[{...}, {...}]`) or one article object spread over several lines (pretty-printed).
/// Properties are mapped as in <see cref="JsonLinesArticleReader"/>. The record number is the
/// item's place in the array (1-based), so ids without an "id" are <c>RelativePath#N</c>; problems
/// are reported at the line where the item starts. The document is read whole (for archives of
/// millions of articles, JSON Lines streams). Invalid JSON ends the file with the line where it
/// goes wrong; the items before it are kept.
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

    /// <summary>Reads a document from <paramref name="reader"/> (for files already open, and tests).</summary>
    public static IEnumerable<ReadItem> Read(TextReader reader, SourceFile file) =>
        Read(Encoding.UTF8.GetBytes(reader.ReadToEnd()), file);

    private static List<ReadItem> Read(byte[] json, SourceFile file)
    {
        var items = new List<ReadItem>();
        var lines = new LineCounter(json);
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            if (!reader.Read())
                return items;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                int record = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    record++;
                    int line = lines.LineAt(reader.TokenStartIndex);
                    using var item = JsonDocument.ParseValue(ref reader);
                    items.Add(JsonLinesArticleReader.ReadObject(item.RootElement, file, record, line));
                }
            }
            else
            {
                int line = lines.LineAt(reader.TokenStartIndex);
                using var document = JsonDocument.ParseValue(ref reader);
                items.Add(JsonLinesArticleReader.ReadObject(document.RootElement, file, 1, line));
            }
            if (reader.Read())
                items.Add(ReadItem.Skip(lines.LineAt(reader.TokenStartIndex), "more JSON after the end of the document"));
        }
        catch (JsonException e)
        {
            items.Add(ReadItem.Skip(JsonProblem.Line(e), JsonProblem.DescribeInFile(e)));
        }
        return items;
    }

    /// <summary>Line numbers of byte offsets, counted forward once.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private int _line = 1;
        private long _counted;

        public int LineAt(long offset)
        {
            for (; _counted < offset && _counted < bytes.Length; _counted++)
                if (bytes[_counted] == '\n')
                    _line++;
            return _line;
        }
    }
}
