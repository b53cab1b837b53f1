using System.Text.Json;
using Search.Core.Ingest;
using Search.Core.Tests.Support;

namespace Search.Core.Tests.Duplicates;

/// <summary>Small corpora of real seed articles and edited copies of them, written as JSON Lines
/// files into a folder (one file per call, so tests can change or delete them one by one).</summary>
public static class CopyCorpus
{
    /// <summary>The <paramref name="n"/> longest seed articles of news length (300 to 2,000 words;
    /// a longer one is compared by its first 7,000 shingles only), longest first, ties by id.</summary>
    public static List<Article> Longest(SeedIndex seeds, int n) =>
        seeds.Search("*", limit: 1000).Hits.Select(h => seeds.Searcher.Get(h.Id)!)
            .Where(a => a.Body.Split(' ').Length is >= 300 and <= 2000)
            .OrderByDescending(a => a.Body.Length).ThenBy(a => a.Id, StringComparer.Ordinal).Take(n).ToList();

    public sealed record Row(string Id, string Body, string? Source = null, string? Section = null, string? Published = null, string Title = "Title");

    public static void Write(string path, params Row[] rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, rows.Select(r => JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["id"] = r.Id, ["title"] = r.Title, ["body"] = r.Body, ["source"] = r.Source, ["section"] = r.Section, ["published"] = r.Published,
        })));
    }

    /// <summary>The first <paramref name="share"/> of the words.</summary>
    public static string Head(string body, double share)
    {
        var words = body.Split(' ');
        return string.Join(' ', words.Take((int)(words.Length * share)));
    }

    /// <summary>The last <paramref name="share"/> of the words.</summary>
    public static string Tail(string body, double share)
    {
        var words = body.Split(' ');
        return string.Join(' ', words.Skip(words.Length - (int)(words.Length * share)));
    }

    public static string WithDateline(string body) => "MOSCOW, March 3 (Reuters) - " + body + " (Reporting by Staff; editing by Desk)";
}
