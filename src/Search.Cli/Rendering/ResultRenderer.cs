using Search.Core.Duplicates;
using Search.Core.Facets;
using Search.Core.Ingest;
using Search.Core.Querying;

namespace Search.Cli.Rendering;

/// <summary>Renders results, articles and facet panels as text for people.</summary>
public sealed class ResultRenderer
{
    private readonly Output _o;

    public ResultRenderer(Output output) => _o = output;

    public void Results(SearchResult r, bool showFacets = true)
    {
        var w = _o.Out;
        if (r.Filters.Count > 0)
            w.WriteLine(_o.Dim("filters: " + string.Join(" · ", r.Filters.Select(f => $"{f.Key}={string.Join("|", f.Value)}"))));
        string what = string.IsNullOrWhiteSpace(r.Query) ? "all articles" : $"\"{r.Query}\"";
        // Collapsed, the count is of stories; the articles behind them are said when they differ.
        string results = r.Collapsed && r.Articles != r.Total
            ? $"{Formats.N(r.Total)} stories ({Formats.N(r.Articles)} articles)"
            : $"{Formats.N(r.Total)} results";
        if (r.Total == 0)
            w.WriteLine($"No results for {what} ({Formats.Ms(r.TookMs)})");
        else if (r.Hits.Count == 0)
            w.WriteLine($"{results} for {what}; none at offset {r.Offset} ({Formats.Ms(r.TookMs)})");
        else
            w.WriteLine($"{results} for {what}, showing {r.Offset + 1}-{r.Offset + r.Hits.Count} ({Formats.Ms(r.TookMs)})");
        if (r.Suggestion != null)
            w.WriteLine($"Did you mean: {_o.Bold(r.Suggestion)}");
        foreach (string note in r.Notes)
            w.WriteLine(_o.Dim(note));
        foreach (var hit in r.Hits)
        {
            w.WriteLine();
            w.WriteLine($"{_o.Dim($"{hit.Rank,3}.")} {Marked(hit.TitleHighlighted, title: true)}");
            var meta = new[] { hit.Source, hit.Author, hit.Published, hit.Section }.Where(s => !string.IsNullOrEmpty(s));
            w.WriteLine($"     {_o.Dim(string.Join(" · ", meta))}  {_o.Cyan(hit.Id)}");
            if (hit.Snippet.Length > 0)
                foreach (string line in Wrap(hit.Snippet, _o.Width - 6))
                    w.WriteLine("     " + Marked(line, title: false));
            if (r.Collapsed && hit.Copies > 1)
                w.WriteLine("     " + _o.Dim(CopiesLine(hit)));
        }
        if (showFacets && r.Facets.Count > 0)
        {
            w.WriteLine();
            if (r.Collapsed)
                w.WriteLine(_o.Dim("(facet counts are stories: copies of one story count once)"));
            FacetPanel(r.Facets, compact: true);
        }
    }

    public void Related(RelatedResult r)
    {
        var w = _o.Out;
        string copies = r.SeedCopies > 0 ? $"; its {r.SeedCopies} {(r.SeedCopies == 1 ? "copy" : "copies")} left out" : "";
        w.WriteLine($"Related to {_o.Bold(r.SeedTitle)} {_o.Cyan(r.SeedId)}{copies} ({Formats.Ms(r.TookMs)})");
        if (r.Hits.Count == 0)
            w.WriteLine("Nothing related found.");
        foreach (var hit in r.Hits)
        {
            w.WriteLine();
            w.WriteLine($"{_o.Dim($"{hit.Rank,3}.")} {_o.Bold(hit.Title)}");
            var meta = new[] { hit.Source, hit.Author, hit.Published, hit.Section }.Where(s => !string.IsNullOrEmpty(s));
            w.WriteLine($"     {_o.Dim(string.Join(" · ", meta))}  {_o.Cyan(hit.Id)}");
            if (hit.Copies > 1)
                w.WriteLine("     " + _o.Dim(CopiesLine(hit)));
        }
    }

    public void Duplicates(IReadOnlyList<DuplicateCluster> clusters, int limit)
    {
        var w = _o.Out;
        int articles = clusters.Sum(c => c.Members.Count);
        w.WriteLine($"{Formats.N(clusters.Count)} {(clusters.Count == 1 ? "story" : "stories")} printed more than once ({Formats.N(articles)} articles)");
        foreach (var c in clusters.Take(limit))
        {
            w.WriteLine();
            w.WriteLine($"{_o.Bold(c.Members[0].Title)}  {_o.Dim($"cluster {c.Key}, {c.Members.Count} articles")}");
            foreach (var m in c.Members)
            {
                var meta = new[] { m.Source, m.Published }.Where(s => !string.IsNullOrEmpty(s));
                w.WriteLine($"  {_o.Cyan(m.Id)}  {_o.Dim(string.Join(" · ", meta))}  {m.Title}");
            }
        }
        if (clusters.Count > limit)
            w.WriteLine(_o.Dim($"\n… {clusters.Count - limit} more (--limit N)"));
    }

    /// <summary>"+2 copies: bbc.co.uk, reuters.com" (at most four outlets named).</summary>
    public static string CopiesLine(Hit hit)
    {
        int n = hit.Copies - 1;
        var names = hit.CopySources.Take(4).ToList();
        string more = hit.CopySources.Count > names.Count ? ", …" : "";
        return $"+{n} {(n == 1 ? "copy" : "copies")}" + (names.Count > 0 ? ": " + string.Join(", ", names) + more : "");
    }

    /// <summary>Facet counts as bars; compact shows five values a dimension.</summary>
    public void FacetPanel(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets, bool compact)
    {
        var w = _o.Out;
        foreach (var (dim, values) in facets)
        {
            if (compact && values.Count == 0)
                continue;
            var shown = compact ? values.Take(5).ToList() : values.ToList();
            w.WriteLine(_o.Bold(dim) + (values.Count == 0 ? _o.Dim("  (none)") : ""));
            if (shown.Count == 0)
                continue;
            int max = Math.Max(1, shown.Max(v => v.Count));
            int labelWidth = Math.Min(28, shown.Max(v => v.Value.Length));
            foreach (var v in shown)
            {
                string label = v.Value.Length > labelWidth ? v.Value[..(labelWidth - 1)] + "…" : v.Value.PadRight(labelWidth);
                int bar = (int)Math.Round(20.0 * v.Count / max);
                string mark = v.Selected ? "✓" : " ";
                w.WriteLine($"  {mark} {label} {_o.Green(new string('█', bar))}{new string(' ', 20 - bar)} {Formats.N(v.Count)}");
            }
            if (compact && values.Count > shown.Count)
                w.WriteLine(_o.Dim($"    … {values.Count - shown.Count} more (:facet {dim})"));
        }
    }

    public void Article(Article a)
    {
        var w = _o.Out;
        w.WriteLine(_o.Bold(a.Title));
        void Line(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                w.WriteLine($"{_o.Dim((name + ":").PadRight(10))} {value}");
        }
        Line("id", a.Id);
        Line("source", a.Source);
        Line("author", a.Author);
        Line("published", a.Published);
        Line("section", a.Section);
        Line("url", a.Url);
        Line("places", string.Join(", ", a.Places));
        Line("tags", string.Join(", ", a.Tags));
        Line("links", string.Join(", ", a.Links));
        Line("file", a.Record is int r ? $"{a.File} (record {r})" : a.File);
        foreach (var rel in a.Related)
            Line("related", rel);
        w.WriteLine();
        w.WriteLine(a.Body);
        foreach (var u in a.LinkUrls)
            w.WriteLine(_o.Dim(u));
    }

    /// <summary>Splits text into lines of at most <paramref name="width"/> visible characters at
    /// spaces (highlight markers take no room and never straddle a line); 0 or less: one line.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        if (width < 20)
        {
            yield return text;
            yield break;
        }
        int start = 0, visible = 0, lastSpace = -1;
        bool open = false, openAtStart = false, openAtSpace = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == Highlight.Open || c == Highlight.Close)
            {
                open = c == Highlight.Open;
                continue;
            }
            if (c == ' ')
            {
                lastSpace = i;
                openAtSpace = open;
            }
            if (++visible > width && lastSpace > start)
            {
                string line = text[start..lastSpace];
                yield return (openAtStart ? Highlight.Open.ToString() : "") + line + (openAtSpace ? Highlight.Close.ToString() : "");
                start = lastSpace + 1;
                openAtStart = openAtSpace;
                visible = i - lastSpace;
                lastSpace = -1;
            }
        }
        if (start < text.Length)
            yield return (openAtStart ? Highlight.Open.ToString() : "") + text[start..];
    }

    /// <summary>Highlights as colour on a terminal, as **word** in plain text (titles plain).</summary>
    private string Marked(string text, bool title)
    {
        if (!_o.Color)
            return title ? Highlight.Strip(text) : Highlight.Replace(text, "**", "**");
        const string highlight = "\u001b[1;33m", reset = "\u001b[0m", bold = "\u001b[1m";
        return title ? bold + Highlight.Replace(text, highlight, reset + bold) + reset : Highlight.Replace(text, highlight, reset);
    }
}
