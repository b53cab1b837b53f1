using Search.Cli.Rendering;
using System.Text.Json;
using System.Text.Json.Nodes;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search stats`: what is in the index.</summary>
public static class StatsCommand
{
    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index" }, new[] { "json" });
        using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(args));
        var stats = searcher.Stats();
        var status = IndexStatus.Read(searcher.IndexPath);
        if (args.Has("json"))
            o.Out.WriteLine(WithStatus(JsonRenderer.Stats(stats), status));
        else
        {
            Print(o, stats);
            if (status.Notice is { } notice)
                o.Out.WriteLine($"{o.Bold("build")}      {notice}");
            IndexCommand.PrintProblems(o, status.Problems.Select(p => p.ToSkipped()).ToList(), "`search stats --json` lists them all");
        }
        return 0;
    }

    /// <summary>The stats JSON with the build state ("build") and every skipped file and record
    /// the index is missing ("skipped", as in `search index --json`).</summary>
    private static string WithStatus(string json, IndexStatus status)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["build"] = status.State;
        var skipped = new JsonArray();
        foreach (var p in status.Problems)
            skipped.Add(new JsonObject { ["file"] = p.File, ["line"] = p.Line, ["reason"] = p.Reason });
        node["skipped"] = skipped;
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static void Print(Output o, IndexStats s)
    {
        var w = o.Out;
        w.WriteLine($"{o.Bold("index")}      {s.Index}");
        w.WriteLine($"{o.Bold("articles")}   {Formats.N(s.Documents)} in {Formats.Count(s.Segments, "segment")}, {Formats.Bytes(s.SizeBytes)} on disk");
        w.WriteLine($"{o.Bold("dates")}      {s.Oldest ?? "-"} to {s.Newest ?? "-"}, {Formats.N(s.Undated)} undated");
        foreach (var r in s.Roots)
            w.WriteLine($"{o.Bold("built from")} {r.Path}: {Formats.N(r.Files)} file{(r.Files == 1 ? "" : "s")}, {Formats.N(r.Articles)} article{(r.Articles == 1 ? "" : "s")}{(r.Exists ? "" : " (not found now)")}");
        w.WriteLine($"{o.Bold("analysis")}   schema v{s.SchemaVersion}, {s.Stemmer} stemming, stop words {(s.StopWords ? "on" : "off")}");
        w.WriteLine($"{o.Bold("fields")}     {string.Join(", ", s.Fields)}");
        foreach (var (dim, d) in s.Dimensions)
        {
            string top = string.Join(", ", d.Top.Select(v => $"{v.Value} ({Formats.N(v.Count)})"));
            w.WriteLine($"{o.Bold(dim.PadRight(10))} {Formats.Count(d.Distinct, "value")}{(top.Length > 0 ? ": " + top : "")}");
        }
    }
}
