using System.CommandLine;
using Search.Cli.Rendering;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>`search stats`: what is in the index.</summary>
public static class StatsCommand
{
    public const string Description = """
        What is in the index.

        Articles, the folders it was built from, size, dates, analysis, facet dimensions.

        Exit status: 0 ok, 1 no index.
        """;

    public static Command Create(Output o)
    {
        var index = SharedOptions.Index();
        var json = SharedOptions.Json();
        var command = new Command("stats", Description) { index, json };
        command.SetAction(r =>
        {
            using var searcher = ArticleSearcher.Open(IndexLocation.Resolve(r.GetValue(index)));
            var stats = searcher.Stats();
            if (r.GetValue(json))
                o.Out.WriteLine(JsonRenderer.Stats(stats));
            else
                Print(o, stats);
            return 0;
        });
        return command;
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
