using System.Text.Json;

namespace Search.Core.Ingest;

/// <summary>
/// Says what is wrong with invalid JSON in the file's terms. System.Text.Json counts lines and
/// bytes from 0 within the text it was given and appends them as "LineNumber: 0 |
/// BytePositionInLine: 23.", which for one JSONL line is always line 0: the readers report the
/// file's line themselves, and the position within it from here.
/// </summary>
public static partial class JsonProblem
{
    /// <summary>"invalid JSON at byte 24 of the line: 'b' is an invalid start of a value", for a
    /// document that is one line of a file.</summary>
    public static string Describe(JsonException e) =>
        e.BytePositionInLine is long at ? $"invalid JSON at byte {at + 1} of the line: {What(e)}" : $"invalid JSON: {What(e)}";

    /// <summary>"invalid JSON at line 7, byte 3: …", for a document that is a whole file.</summary>
    public static string DescribeInFile(JsonException e, int linesBefore = 0) =>
        $"invalid JSON at line {Line(e) + linesBefore}, byte {(e.BytePositionInLine ?? 0) + 1}: {What(e)}";

    /// <summary>The 1-based line of a file where the reader found the problem.</summary>
    public static int Line(JsonException e) => 1 + (int)(e.LineNumber ?? 0);

    /// <summary>The reader's message without its 0-based position.</summary>
    public static string What(JsonException e)
    {
        // One line, and short: the reader quotes an invalid literal with the rest of its buffer.
        string what = Whitespace().Replace(Position().Replace(e.Message, ""), " ").Trim().TrimEnd('.');
        return what.Length <= MaxLength ? what : what[..MaxLength] + "…";
    }

    private const int MaxLength = 160;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();
}
