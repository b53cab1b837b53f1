using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Cli.Rendering;

/// <summary>What is in the index (`search stats`, the console's `:stats`): one labelled line per
/// fact, wrapped under its label to the terminal.</summary>
public sealed class StatsRenderer
{
    private readonly Output _o;

    public StatsRenderer(Output output) => _o = output;

    public void Print(IndexStats s)
    {
        void Line(string label, string text) => TextWrap.WriteHanging(_o.Out, _o.Bold(label.PadRight(10)) + " ", Math.Max(10, label.Length) + 1, text, _o.Width);
        Line("index", s.Index);
        Line("articles", $"{Formats.N(s.Documents)} in {Formats.Count(s.Segments, "segment")}, {Formats.Bytes(s.SizeBytes)} on disk");
        // An index its last build emptied (every file gone or unreadable) holds no article: "all 0
        // articles are undated" and an empty fields line read as damage.
        Line("dates", s.Documents == 0 ? "none: the index holds no article"
            : s.Oldest == null || s.Newest == null
            ? $"none: {(s.Undated == 1 ? "the article is" : $"all {Formats.N(s.Undated)} articles are")} undated"
            : $"{s.Oldest} to {s.Newest}, {Formats.N(s.Undated)} undated");
        foreach (var r in s.Roots)
            Line("built from", $"{r.Path}: {Formats.N(r.Files)} file{(r.Files == 1 ? "" : "s")}, {Formats.N(r.Articles)} article{(r.Articles == 1 ? "" : "s")}{(r.Exists ? "" : " (not found now)")}");
        Line("analysis", $"schema v{s.SchemaVersion}, {s.Stemmer} stemming, stop words {(s.StopWords ? "on" : "off")}"
            + (s.Letters < AnalysisSettings.LatestLetters ? "; " + IndexStats.OlderLetterRules : ""));
        // Only an index with more than English in it: an English index reads as before.
        if (s.Languages.Keys.Any(c => c is not ("en" or "und")))
            Line("languages", string.Join("; ", s.Languages.Select(kv => $"{kv.Key} {kv.Value}")));
        Line("fields", s.Fields.Count == 0 ? "none" : string.Join(", ", s.Fields));
        foreach (var (dim, d) in s.Dimensions)
        {
            string top = string.Join(", ", d.Top.Select(v => $"{v.Value} ({Formats.N(v.Count)})"));
            Line(dim, $"{Formats.Count(d.Distinct, "value")}{(top.Length > 0 ? ": " + top : "")}");
        }
    }
}
