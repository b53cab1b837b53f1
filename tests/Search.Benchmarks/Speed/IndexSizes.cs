using Lucene.Net.Store;

namespace Search.Benchmarks.Speed;

/// <summary>
/// What each part of an index costs on disk: the bytes of every Lucene file type, looking inside
/// compound files (.cfs), so the breakdown is the one compound files off would show.
/// <c>speed sizes INDEX...</c> prints it as a Markdown table, one column per index.
/// </summary>
public static class IndexSizes
{
    /// <summary>What each Lucene 4.8 file extension holds.</summary>
    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["fdt"] = "stored fields (compressed text and values: deflate in our codec, LZ4 in the stock one)",
        ["fdx"] = "stored fields index",
        ["tim"] = "terms dictionary",
        ["tip"] = "terms index",
        ["doc"] = "postings: documents and frequencies",
        ["pos"] = "postings: positions",
        ["pay"] = "postings: payloads and offsets",
        ["nvd"] = "norms (one byte per field and article)",
        ["nvm"] = "norms metadata",
        ["dvd"] = "doc values (facets, sort keys, states, cluster keys)",
        ["dvm"] = "doc values metadata",
        ["tvd"] = "term vectors",
        ["tvx"] = "term vectors index",
        ["liv"] = "deleted documents",
        ["fnm"] = "field infos",
        ["si"] = "segment infos",
    };

    public static Dictionary<string, long> Of(string indexPath)
    {
        var sizes = new Dictionary<string, long>();
        void Add(string name, long bytes)
        {
            string ext = Path.GetExtension(name).TrimStart('.');
            if (name.StartsWith("segments", StringComparison.Ordinal))
                ext = "segments";
            sizes[ext] = sizes.GetValueOrDefault(ext) + bytes;
        }
        using var dir = FSDirectory.Open(indexPath);
        foreach (string file in dir.ListAll())
        {
            if (file.StartsWith('.'))
                continue;
            if (file.EndsWith(".cfs", StringComparison.Ordinal))
            {
                using var cfs = new CompoundFileDirectory(dir, file, IOContext.DEFAULT, false);
                foreach (string inner in cfs.ListAll())
                    Add(inner, cfs.FileLength(inner));
                continue;
            }
            if (file.EndsWith(".cfe", StringComparison.Ordinal))
                continue;
            Add(file, dir.FileLength(file));
        }
        return sizes;
    }

    public static int Print(string[] indexes)
    {
        if (indexes.FirstOrDefault(i => !System.IO.Directory.Exists(i)) is { } missing)
        {
            Console.Error.WriteLine($"speed sizes: {missing}: no such index folder");
            return 2;
        }
        var all = indexes.Select(Of).ToList();
        var kinds = all.SelectMany(s => s.Keys).Distinct().OrderByDescending(k => all.Max(s => s.GetValueOrDefault(k))).ToList();
        Console.WriteLine("| file | what | " + string.Join(" | ", indexes.Select(i => Path.GetFileName(i.TrimEnd('/')) + " MB")) + " |");
        Console.WriteLine("|---|---|" + string.Concat(indexes.Select(_ => "--:|")));
        foreach (string k in kinds)
            Console.WriteLine($"| .{k} | {Kinds.GetValueOrDefault(k, "")} | " + string.Join(" | ", all.Select(s => (s.GetValueOrDefault(k) / 1048576.0).ToString("F2", System.Globalization.CultureInfo.InvariantCulture))) + " |");
        Console.WriteLine("| total | | " + string.Join(" | ", all.Select(s => (s.Values.Sum() / 1048576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture))) + " |");
        return 0;
    }
}
