using System.Text.Json;
using Search.Cli.Rendering.Json;
using Search.Core.Duplicates;
using Search.Core.Indexing;
using Search.Core.Indexing.Maintenance;
using Search.Core.Ingest;
using Search.Core.Querying;

namespace Search.Cli.Rendering;

/// <summary>
/// The `--json` output of each command: each concept has one shape in <c>Rendering/Json/</c>
/// (a hit is <see cref="HitJson"/> wherever it appears), serialised by the generated
/// <see cref="JsonContext"/>. Field names are stable. Highlights in snippets are &lt;mark&gt;…&lt;/mark&gt;.
/// </summary>
public static class JsonRenderer
{
    public static string Result(SearchResult r) => JsonSerializer.Serialize(ResultJson.From(r), JsonContext.Indented.ResultJson);

    /// <summary>One hit as one line of `--all --jsonl`.</summary>
    public static string HitLine(Hit h) => JsonSerializer.Serialize(HitJson.From(h, collapsed: false), JsonContext.Lines.HitJson);

    public static string Related(RelatedResult r) => JsonSerializer.Serialize(RelatedJson.From(r), JsonContext.Indented.RelatedJson);

    public static string Duplicates(IReadOnlyList<DuplicateCluster> clusters) => JsonSerializer.Serialize(DuplicatesJson.From(clusters), JsonContext.Indented.DuplicatesJson);

    public static string Article(Article a) => JsonSerializer.Serialize(ArticleJson.From(a), JsonContext.Indented.ArticleJson);

    public static string Stats(IndexStats s, IndexStatus status) => JsonSerializer.Serialize(StatsJson.From(s, status), JsonContext.Indented.StatsJson);

    public static string Summary(BuildSummary s) => JsonSerializer.Serialize(SummaryJson.From(s), JsonContext.Indented.SummaryJson);

    public static string Check(string index, CheckReport r, bool fixing) => JsonSerializer.Serialize(CheckJson.From(index, r, fixing), JsonContext.Indented.CheckJson);

    public static string Error(string message, int position) =>
        JsonSerializer.Serialize(new ErrorJson(message, position > 0 ? position : null), JsonContext.Indented.ErrorJson);
}
