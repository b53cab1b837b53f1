using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Search.Benchmarks.Speed;

/// <summary>Converts the Reuters-21578 SGML files (reut2-*.sgm) to one JSONL file: id, title,
/// body, published, source, tags (TOPICS), places (PLACES). Articles with neither title nor body are left out.</summary>
public static partial class ReutersJsonl
{
    public static int Convert(string sgmFolder, string outFile)
    {
        var files = Directory.GetFiles(sgmFolder, "*.sgm").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new InvalidOperationException($"no .sgm files in {sgmFolder}");
        var latin1 = Encoding.Latin1;
        int count = 0;
        using var stream = File.Create(outFile);
        using var json = new Utf8JsonWriter(stream);
        var newline = "\n"u8.ToArray();
        foreach (string file in files)
        {
            string sgm = File.ReadAllText(file, latin1);
            foreach (Match m in Document().Matches(sgm))
            {
                string inner = m.Groups["inner"].Value;
                string title = Clean(Tag(inner, "TITLE"));
                string body = Clean(Tag(inner, "BODY"));
                if (title.Length == 0 && body.Length == 0)
                    continue;
                json.Reset(stream);
                json.WriteStartObject();
                json.WriteString("id", "reuters-" + m.Groups["id"].Value);
                json.WriteString("title", title);
                json.WriteString("body", body);
                if (Date(Tag(inner, "DATE")) is { } date)
                    json.WriteString("published", date);
                json.WriteString("source", "Reuters");
                WriteList(json, "tags", Tag(inner, "TOPICS"));
                WriteList(json, "places", Tag(inner, "PLACES"));
                json.WriteEndObject();
                json.Flush();
                stream.Write(newline);
                count++;
            }
        }
        return count;
    }

    private static string Tag(string inner, string name)
    {
        int start = inner.IndexOf("<" + name, StringComparison.Ordinal);
        if (start < 0)
            return "";
        start = inner.IndexOf('>', start) + 1;
        int end = inner.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
        return end < 0 ? "" : inner[start..end];
    }

    private static string Clean(string s)
    {
        s = WebUtility.HtmlDecode(ControlEntity().Replace(s, " "));
        s = s.Replace("\r", "").Trim();
        if (s.EndsWith("Reuter", StringComparison.Ordinal) || s.EndsWith("REUTER", StringComparison.Ordinal))
            s = s[..^6].TrimEnd();
        return s;
    }

    private static void WriteList(Utf8JsonWriter json, string name, string tag)
    {
        var values = DValue().Matches(tag).Select(d => d.Groups[1].Value.Trim()).Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
            return;
        json.WriteStartArray(name);
        foreach (string v in values)
            json.WriteStringValue(v);
        json.WriteEndArray();
    }

    /// <summary>"26-FEB-1987 15:01:01.79" → "1987-02-26".</summary>
    private static string? Date(string s)
    {
        string day = s.Trim().Split(' ', 2)[0];
        return DateTime.TryParseExact(day, "d-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex("<REUTERS[^>]*NEWID=\"(?<id>\\d+)\"[^>]*>(?<inner>.*?)</REUTERS>", RegexOptions.Singleline)]
    private static partial Regex Document();

    [GeneratedRegex("<D>(.*?)</D>", RegexOptions.Singleline)]
    private static partial Regex DValue();

    [GeneratedRegex("&#\\d+;")]
    private static partial Regex ControlEntity();
}
