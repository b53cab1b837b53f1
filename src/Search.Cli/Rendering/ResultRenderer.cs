using Search.Core.Snippets;
using Search.Core.Duplicates;
using Search.Core.Facets;
using Search.Core.Ingest;
using Search.Core.Querying;

namespace Search.Cli.Rendering;

/// <summary>
/// Renders results, articles and facet panels as text for people, wrapped at word boundaries to
/// the terminal's width (nothing is wrapped when output is redirected and no width is known).
/// </summary>
public sealed class ResultRenderer
{
    /// <summary>Where the output goes: the console's commands differ from the CLI's options.</summary>
    public enum Context { Cli, Console }

    private const string Indent = "     ";
    private const int MaxBar = 20;
    private const int MaxLabel = 28;
    private readonly Output _o;
    private readonly Context _context;

    public ResultRenderer(Output output, Context context = Context.Cli)
    {
        _o = output;
        _context = context;
    }

    public void Results(SearchResult r, bool showFacets = true)
    {
        var w = _o.Out;
        if (r.Filters.Count > 0)
            WriteWrapped(_o.Dim, "filters: " + string.Join(" · ", r.Filters.Select(f => $"{f.Key}={string.Join("|", f.Value)}")), "");
        string what = Describe(r.Query);
        string took = Formats.Ms(r.TookMs);
        // Collapsed, the count is of stories; the articles behind them are said when they differ.
        string results = r.Collapsed && r.Articles != r.Total
            ? $"{Formats.N(r.Total)} {(r.Total == 1 ? "story" : "stories")} ({Formats.Count(r.Articles, "article")})"
            : Formats.Count(r.Total, "result");
        if (r.Total == 0)
            WriteWrapped(s => s, r.Notice ?? $"No results for {what} ({took})", "");
        else if (r.Hits.Count == 0 && r.Offset >= r.Total)
            WriteWrapped(s => s, $"{results} for {what}; none at offset {Formats.N(r.Offset)} ({took})", "");
        else if (r.Hits.Count == 0)
            WriteWrapped(s => s, $"{results} for {what} ({took})", "");
        else
            WriteWrapped(s => s, $"{results} for {what}, showing {r.Offset + 1}-{r.Offset + r.Hits.Count} ({took})", "");
        if (r.AnyWords)
            _o.Out.WriteLine(_o.Dim("No article has all of the words: showing articles with any of them, best first."));
        if (r.Suggestion != null)
            w.WriteLine($"Did you mean: {_o.Bold(r.Suggestion)}");
        int width = _o.Width;
        foreach (string note in r.Notes)
            w.WriteLine(_o.Dim(note));
        foreach (var hit in r.Hits)
        {
            w.WriteLine();
            var title = TextWrap.Wrap(_o.Color ? hit.TitleHighlighted : Highlight.Strip(hit.TitleHighlighted), width - Indent.Length, 0);
            for (int i = 0; i < title.Count; i++)
                w.WriteLine((i == 0 ? _o.Dim($"{hit.Rank,3}.") + " " : Indent) + (title[i].Length == 0 ? _o.Dim(Untitled) : MarkedTitle(title[i])));
            var meta = new[] { hit.Source, hit.Author, hit.Published, hit.Section }.Where(s => !string.IsNullOrEmpty(s));
            string metaText = string.Join(" · ", meta), id = TerminalText.Name(hit.Id);
            foreach (string line in TextWrap.Wrap(metaText.Length == 0 ? id : metaText + "  " + id, width - Indent.Length, 0))
                w.WriteLine(Indent + (line.EndsWith(id, StringComparison.Ordinal)
                    ? _o.Dim(line[..^id.Length]) + _o.Cyan(id)
                    : _o.Dim(line)));
            if (hit.Snippet.Length > 0)
                foreach (string line in TextWrap.Wrap(hit.Snippet, width - Indent.Length, _o.MarkerWidth))
                    w.WriteLine(Indent + Marked(line));
            if (r.Collapsed && hit.Copies > 1)
                w.WriteLine(Indent + _o.Dim(CopiesLine(hit)));
        }
        if (showFacets && r.Facets.Count > 0)
        {
            w.WriteLine();
            if (r.Collapsed)
                w.WriteLine(_o.Dim("(facet counts are stories: copies of one story count once)"));
            FacetPanel(r.Facets, r.FacetOthers, compact: _context == Context.Console);
        }
    }

    public void Related(RelatedResult r)
    {
        var w = _o.Out;
        string copies = r.SeedCopies > 0 ? $"; its {r.SeedCopies} {(r.SeedCopies == 1 ? "copy" : "copies")} left out" : "";
        WriteWrapped(s => s, $"Related to {TitleOf(r.SeedTitle)} {r.SeedId}{copies} ({Formats.Ms(r.TookMs)})", "");
        if (r.Hits.Count == 0)
            w.WriteLine("Nothing related found.");
        foreach (var hit in r.Hits)
        {
            w.WriteLine();
            var title = TextWrap.Wrap(TitleOf(hit.Title), _o.Width - Indent.Length, 0);
            for (int i = 0; i < title.Count; i++)
                w.WriteLine((i == 0 ? _o.Dim($"{hit.Rank,3}.") + " " : Indent) + _o.Bold(title[i]));
            var meta = new[] { hit.Source, hit.Author, hit.Published, hit.Section }.Where(s => !string.IsNullOrEmpty(s));
            WriteWrapped(_o.Dim, $"{string.Join(" · ", meta)}  {TerminalText.Name(hit.Id)}", Indent);
            if (hit.Copies > 1)
                w.WriteLine("     " + _o.Dim(CopiesLine(hit)));
        }
    }

    public void Duplicates(IReadOnlyList<DuplicateCluster> clusters, int limit)
    {
        var w = _o.Out;
        int articles = clusters.Sum(c => c.Members.Count);
        WriteWrapped(s => s, $"{Formats.N(clusters.Count)} {(clusters.Count == 1 ? "story" : "stories")} printed more than once ({Formats.N(articles)} articles)", "");
        foreach (var c in clusters.Take(limit))
        {
            w.WriteLine();
            WriteWrapped(_o.Bold, $"{TitleOf(c.Members[0].Title)}  (cluster {c.Key}, {c.Members.Count} articles)", "");
            foreach (var m in c.Members)
            {
                var meta = new[] { m.Source, m.Published }.Where(s => !string.IsNullOrEmpty(s));
                WriteWrapped(s => s, $"{TerminalText.Name(m.Id)}  {string.Join(" · ", meta)}  {TitleOf(m.Title)}", "  ");
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

    /// <summary>The query as the user typed it, quoted so that its own quotes stay readable.</summary>
    private static string Describe(string query) =>
        string.IsNullOrWhiteSpace(query) ? "all articles" : query.Contains('"') ? $"'{query}'" : $"\"{query}\"";

    /// <summary>Values the compact panel shows of each dimension.</summary>
    public const int CompactValues = 5;

    /// <summary>Facet counts as bars sized to the terminal. The compact panel (under console
    /// results) shows <see cref="CompactValues"/> values a dimension: the most frequent, or the
    /// newest for dates. Values left out are counted in a "… N more" line.</summary>
    public void FacetPanel(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets, IReadOnlyDictionary<string, FacetOther>? others, bool compact)
    {
        var w = _o.Out;
        int width = _o.Width;
        foreach (var (dim, values) in facets)
        {
            if (compact && values.Count == 0)
                continue;
            var shown = !compact || values.Count <= CompactValues ? values.ToList()
                : FacetDimensions.IsChronological(dim) ? values.Skip(values.Count - CompactValues).ToList()
                : values.Take(CompactValues).ToList();
            w.WriteLine(_o.Bold(dim) + (values.Count == 0 ? _o.Dim("  (none)") : ""));
            if (shown.Count == 0)
                continue;
            int max = Math.Max(1, shown.Max(v => v.Count));
            int countWidth = shown.Max(v => Formats.N(v.Count).Length);
            int labelWidth = Math.Min(MaxLabel, shown.Max(v => v.Value.Length));
            int barWidth = MaxBar;
            if (width > 0)
            {
                // "  ✓ label bar count": 6 columns of marks and spaces around label, bar and count.
                labelWidth = Math.Max(1, Math.Min(labelWidth, Math.Max(6, (width - 6 - countWidth) / 2)));
                barWidth = Math.Clamp(width - 6 - countWidth - labelWidth, 1, MaxBar);
            }
            foreach (var v in shown)
            {
                string value = TerminalText.Safe(v.Value);
                string label = value.Length > labelWidth ? value[..(labelWidth - 1)] + "…" : value.PadRight(labelWidth);
                int bar = (int)Math.Round((double)barWidth * v.Count / max);
                string mark = v.Selected ? "✓" : " ";
                w.WriteLine($"  {mark} {label} {_o.Green(new string('█', bar))}{new string(' ', barWidth - bar)} {Formats.N(v.Count).PadLeft(countWidth)}");
            }
            int more = values.Count - shown.Count + (others?.GetValueOrDefault(dim)?.Values ?? 0);
            if (more > 0)
            {
                string how = _context == Context.Console ? $":facet {dim}" : $"--facet-limit {Math.Min(10_000, values.Count + more)}";
                WriteWrapped(_o.Dim, $"… {Formats.N(more)} more ({how})", "    ");
            }
        }
    }

    /// <summary>The whole article: title, metadata, then the body wrapped to the terminal with
    /// the query's matches highlighted when <paramref name="title"/> and <paramref name="body"/>
    /// carry markers; paged when longer than the screen.</summary>
    public void Article(Article a, string? title = null, string? body = null)
    {
        var lines = new List<string>();
        int width = _o.Width;
        foreach (string line in TextWrap.Wrap(_o.Color ? title ?? a.Title : Highlight.Strip(title ?? a.Title), width, 0))
            lines.Add(line.Length == 0 ? _o.Dim(Untitled) : MarkedTitle(line));
        void Line(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
                return;
            string label = (name + ":").PadRight(10) + " ";
            var wrapped = TextWrap.Wrap(value, width - label.Length, 0);
            for (int i = 0; i < wrapped.Count; i++)
                lines.Add((i == 0 ? _o.Dim(label) : new string(' ', label.Length)) + wrapped[i]);
        }
        Line("id", TerminalText.Name(a.Id));
        Line("source", a.Source);
        Line("author", a.Author);
        Line("published", a.Published);
        Line("section", a.Section);
        Line("url", a.Url);
        Line("places", string.Join(", ", a.Places));
        Line("tags", string.Join(", ", a.Tags));
        Line("links", string.Join(", ", a.Links));
        Line("file", a.Record is int r ? $"{TerminalText.Name(a.File)} (record {r})" : TerminalText.Name(a.File));
        Line("path", a.FullPath is { } path ? TerminalText.Name(path) : null);
        foreach (var rel in a.Related)
            Line("related", rel);
        lines.Add("");
        foreach (string line in TextWrap.Wrap(body ?? a.Body, width, _o.MarkerWidth))
            lines.Add(Marked(line));
        foreach (var u in a.LinkUrls)
            lines.Add(_o.Dim(TerminalText.Safe(u))); // never cut: a URL must stay whole to be copied
        Pager.Show(_o, lines);
    }

    private void WriteWrapped(Func<string, string> style, string text, string indent)
    {
        foreach (string line in TextWrap.Wrap(text, _o.Width <= 0 ? 0 : _o.Width - indent.Length, 0))
            _o.Out.WriteLine(indent + style(line));
    }

    /// <summary>Highlights as colour on a terminal, as **word** in plain text.</summary>
    private string Marked(string text)
    {
        if (!_o.Color)
            return Highlight.Replace(text, "**", "**");
        const string highlight = "\u001b[1;33m", reset = "\u001b[0m";
        return Highlight.Replace(text, highlight, reset);
    }

    /// <summary>A title line: bold with highlighted words in colour; plain text has no markers left.</summary>
    /// <summary>What stands for the title of an article that has none (a CSV or JSON export of
    /// bodies alone, a wire brief), as the web page shows it: an empty line read as a missing hit.</summary>
    private const string Untitled = "(untitled)";

    private static string TitleOf(string title) => title.Length == 0 ? Untitled : title;

    private string MarkedTitle(string text)
    {
        if (!_o.Color)
            return Highlight.Strip(text);
        const string highlight = "\u001b[1;33m", reset = "\u001b[0m", bold = "\u001b[1m";
        return bold + Highlight.Replace(text, highlight, reset + bold) + reset;
    }
}
