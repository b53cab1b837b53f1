using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Search.Core.Tests.Support;

/// <summary>One Reuters-21578 document: its title, dateline, body and human-assigned PLACES codes.</summary>
public sealed record ReutersDoc(int NewId, string Title, string Dateline, string Body, IReadOnlyList<string> Places);

/// <summary>
/// Minimal reader for the Reuters-21578 SGML files in <c>../shared/corpora/reuters21578</c>: Latin-1
/// text, one <c>&lt;REUTERS&gt;</c> element per document, entities <c>&amp;lt;</c>, <c>&amp;amp;</c>
/// and numeric <c>&amp;#N;</c> (control characters, which are dropped).
/// </summary>
public static partial class ReutersCorpus
{
    public static IEnumerable<ReutersDoc> Read(string directory)
    {
        var latin1 = Encoding.Latin1;
        foreach (string file in Directory.EnumerateFiles(directory, "reut2-*.sgm").Order(StringComparer.Ordinal))
        {
            string sgml = File.ReadAllText(file, latin1);
            foreach (Match doc in DocRegex().Matches(sgml))
            {
                string d = doc.Value;
                var places = ElementRegex("PLACES").Match(d) is { Success: true } pm
                    ? DRegex().Matches(pm.Groups[1].Value).Select(m => m.Groups[1].Value).ToList()
                    : new List<string>();
                yield return new ReutersDoc(
                    int.Parse(NewIdRegex().Match(d).Groups[1].Value),
                    Text(d, "TITLE"), Text(d, "DATELINE"), Text(d, "BODY"), places);
            }
        }
    }

    private static string Text(string doc, string element)
    {
        var m = ElementRegex(element).Match(doc);
        return m.Success ? Decode(m.Groups[1].Value) : "";
    }

    /// <summary>Decodes entities; numeric ones in this corpus are control codes (&amp;#3; ends the body).</summary>
    private static string Decode(string s)
    {
        s = NumericEntityRegex().Replace(s, m => int.Parse(m.Groups[1].Value) is var c && c >= 32 && c != 127 ? ((char)c).ToString() : "");
        return WebUtility.HtmlDecode(s).Trim();
    }

    private static readonly Dictionary<string, Regex> ElementPatterns = new();

    private static Regex ElementRegex(string name)
    {
        lock (ElementPatterns)
        {
            if (!ElementPatterns.TryGetValue(name, out var rx))
                ElementPatterns[name] = rx = new Regex($"<{name}>(.*?)</{name}>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
            return rx;
        }
    }

    [GeneratedRegex("<REUTERS .*?</REUTERS>", RegexOptions.Singleline)]
    private static partial Regex DocRegex();

    [GeneratedRegex("NEWID=\"(\\d+)\"")]
    private static partial Regex NewIdRegex();

    [GeneratedRegex("<D>(.*?)</D>")]
    private static partial Regex DRegex();

    [GeneratedRegex("&#(\\d+);")]
    private static partial Regex NumericEntityRegex();
}
