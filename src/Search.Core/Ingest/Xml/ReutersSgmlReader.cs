using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Search.Core.Ingest.Xml;

/// <summary>
/// Reads Reuters' newswire archive in SGML (the <c>lewis</c> document type of Reuters-21578 and
/// the archives made like it: <c>.sgm</c> files of <c>&lt;REUTERS&gt;</c> stories), one article a
/// story: its <c>TITLE</c>; its <c>BODY</c> after the <c>DATELINE</c>, as the wire printed it,
/// without the closing "Reuter" signature; a story without them (<c>TEXT TYPE="UNPROC"</c>) has its
/// first line as the title and the rest as the body. <c>NEWID</c> is the id, <c>DATE</c> the date, <c>AUTHOR</c> the author
/// ("By Jane Doe, Reuters" → Jane Doe), <c>TOPICS</c> the tags, and Reuters the source; places are
/// found in the text, as for any article. SGML is not XML (control characters written as
/// <c>&amp;#3;</c>, no root element), so it is read as text, a story at a time: a file of any size
/// in bounded memory, and a story cut short reported with its line while the others are read.
/// </summary>
public sealed partial class ReutersSgmlReader : IArticleReader
{
    /// <summary>A story longer than this without its end tag is taken as damage, not read on.</summary>
    private const int MaxStoryChars = 4 << 20;

    public string Format => "reuters-sgml";

    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".sgm" or ".sgml" && (head.IndexOf("<REUTERS"u8) >= 0 || head.IndexOf("lewis"u8) >= 0);

    public IEnumerable<ReadItem> Read(SourceFile file) => TextDecoding.ReadRecords(file, Read);

    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(new StringReader(text), file);

    /// <summary>Reads the stories of <paramref name="text"/>.</summary>
    public static IEnumerable<ReadItem> Read(TextReader text, SourceFile file)
    {
        var story = new StringBuilder();
        int line = 0, start = 0, record = 0;
        while (text.ReadLine() is { } next)
        {
            line++;
            if (story.Length == 0)
            {
                int open = next.IndexOf("<REUTERS", StringComparison.Ordinal);
                if (open < 0)
                    continue; // the DOCTYPE, blank lines
                next = next[open..];
                start = line;
            }
            story.Append(next).Append('\n');
            if (next.Contains("</REUTERS>", StringComparison.Ordinal))
            {
                record++;
                yield return Story(story.ToString(), file, record, start);
                story.Clear();
            }
            else if (story.Length > MaxStoryChars)
            {
                yield return ReadItem.Skip(start, $"a <REUTERS> story of more than {MaxStoryChars >> 20} MB without its end tag; the rest of the file is not read");
                yield break;
            }
        }
        if (story.Length > 0)
            yield return ReadItem.Skip(start, "a <REUTERS> story without its end tag at the end of the file");
    }

    private static ReadItem Story(string sgml, SourceFile file, int record, int line)
    {
        var article = new Article { Source = "Reuters" };
        if (NewId().Match(sgml) is { Success: true } id)
            article.Id = id.Groups[1].Value;
        article.Title = Text(Element(sgml, "TITLE"));
        string body = Text(Element(sgml, "BODY"));
        string dateline = Text(Element(sgml, "DATELINE"));
        if (body.Length == 0 && article.Title.Length == 0 && Element(sgml, "TEXT") is { } raw)
        {
            // TYPE="UNPROC": the story as it came, no parts marked; its first line is its headline.
            string[] lines = Text(Tags().Replace(raw, "")).Split('\n', 2);
            article.Title = lines[0];
            body = lines.Length > 1 ? lines[1] : "";
        }
        article.Body = WithoutSignature(dateline.Length > 0 && body.Length > 0 ? dateline + " " + body : body);
        article.Published = Date(Text(Element(sgml, "DATE")));
        if (Text(Element(sgml, "AUTHOR")) is { Length: > 0 } author)
            article.Author = Byline().Replace(author, "").Trim();
        if (Element(sgml, "TOPICS") is { } topics)
            article.Tags.AddRange(Values().Matches(topics).Select(m => Text(m.Groups[1].Value)).Where(t => t.Length > 0));
        string? problem = FieldMapping.Complete(article, file, record, line);
        return problem == null ? ReadItem.Of(article) : ReadItem.Skip(line, problem);
    }

    /// <summary>The content of the story's first element of that name, or null.</summary>
    private static string? Element(string sgml, string name)
    {
        int open = sgml.IndexOf("<" + name, StringComparison.Ordinal);
        if (open < 0)
            return null;
        int from = sgml.IndexOf('>', open) + 1;
        int close = from == 0 ? -1 : sgml.IndexOf("</" + name + ">", from, StringComparison.Ordinal);
        return close < 0 ? null : sgml[from..close];
    }

    /// <summary>Text with its character references read (<c>&amp;lt;</c>, <c>&amp;#38;</c>) and the
    /// wire's control characters (<c>&amp;#3;</c> ends a story) left out; spaces trimmed.</summary>
    private static string Text(string? sgml) =>
        sgml == null ? "" : WebUtility.HtmlDecode(ControlReference().Replace(sgml, "")).Trim();

    /// <summary>The body without the "Reuter" (or "REUTER") the wire signs it with, twice at times.</summary>
    private static string WithoutSignature(string body)
    {
        while (body.EndsWith("Reuter", StringComparison.OrdinalIgnoreCase) && (body.Length == 6 || char.IsWhiteSpace(body[^7])))
            body = body[..^6].TrimEnd();
        return body;
    }

    /// <summary>"26-FEB-1987 15:01:01.79" as an ISO date; null when it is not one.</summary>
    private static string? Date(string date)
    {
        string day = date.Split(' ', 2)[0];
        return DateTime.TryParseExact(day, "d-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateParsing.ToIsoDate(date);
    }

    [GeneratedRegex("NEWID=\"([^\"]+)\"")]
    private static partial Regex NewId();

    [GeneratedRegex("<D>(.*?)</D>", RegexOptions.Singleline)]
    private static partial Regex Values();

    [GeneratedRegex("&#(?:[0-9]|[12][0-9]|3[01]);")]
    private static partial Regex ControlReference();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^by\s+|,\s*reuters?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();
}
