using System.Text.Json;

namespace Search.Benchmarks.Speed;

public enum CorpusFormat { Txt, Jsonl }

/// <summary>A benchmark corpus: a folder that <c>search index</c> takes as its root (one .txt
/// file per article in numbered sub-folders, or one .jsonl file).</summary>
/// <param name="Docs">Nominal size (articles asked of make-corpus.py); 0 for a real corpus.</param>
public sealed record Corpus(string Name, CorpusFormat Format, string Root, int Docs)
{
    public string Label => $"{Name} ({(Format == CorpusFormat.Txt ? "txt files" : "JSONL")})";

    /// <summary>Counts articles and the UTF-8 bytes of their title and body text (the "text size"
    /// every rate and ratio is relative to), as the plain reader sees them; cached beside the corpus.</summary>
    public CorpusStats Stats()
    {
        string cache = Root.TrimEnd('/') + ".stats.json";
        if (File.Exists(cache) && JsonSerializer.Deserialize<CorpusStats>(File.ReadAllText(cache)) is { } cached)
            return cached;
        int articles = 0;
        long text = 0;
        foreach (var a in CorpusText.Read(this))
        {
            articles++;
            text += System.Text.Encoding.UTF8.GetByteCount(a.Title) + System.Text.Encoding.UTF8.GetByteCount(a.Body);
        }
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        var stats = new CorpusStats(articles, text, files.Count, files.Sum());
        File.WriteAllText(cache, JsonSerializer.Serialize(stats));
        return stats;
    }
}

public sealed record CorpusStats(int Articles, long TextBytes, int Files, long DiskBytes);
