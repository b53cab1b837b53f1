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
        void Line(string label, string text) => TextWrap.WriteHanging(o.Out, o.Bold(label.PadRight(10)) + " ", Math.Max(10, label.Length) + 1, text, o.Width);
        Line("index", s.Index);
        Line("articles", $"{Formats.N(s.Documents)} in {Formats.Count(s.Segments, "segment")}, {Formats.Bytes(s.SizeBytes)} on disk");
        Line("dates", $"{s.Oldest ?? "-"} to {s.Newest ?? "-"}, {Formats.N(s.Undated)} undated");
        foreach (var r in s.Roots)
            Line("built from", $"{r.Path}: {Formats.N(r.Files)} file{(r.Files == 1 ? "" : "s")}, {Formats.N(r.Articles)} article{(r.Articles == 1 ? "" : "s")}{(r.Exists ? "" : " (not found now)")}");
        Line("analysis", $"schema v{s.SchemaVersion}, {s.Stemmer} stemming, stop words {(s.StopWords ? "on" : "off")}");
        Line("fields", $"{string.Join(", ", s.Fields)}");
        foreach (var (dim, d) in s.Dimensions)
        {
            string top = string.Join(", ", d.Top.Select(v => $"{v.Value} ({Formats.N(v.Count)})"));
            Line(dim, $"{Formats.Count(d.Distinct, "value")}{(top.Length > 0 ? ": " + top : "")}");
        }
    }
}
