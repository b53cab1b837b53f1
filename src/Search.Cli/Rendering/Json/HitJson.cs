using System.Text.Json.Serialization;
using Search.Core.Querying;
using Search.Core.Snippets;

namespace Search.Cli.Rendering.Json;

/// <summary>A hit, the same everywhere it is written: `search query --json`, `--all --jsonl`,
/// `search related --json` and the web API. Highlights in the snippet are &lt;mark&gt;…&lt;/mark&gt;.
/// <c>copy_sources</c> is written only where hits stand for their stories.</summary>
public sealed record HitJson(
    string Id, double Score,
    string Title, string? Source, string? Author, string? Published, string? Section, string? Url,
    string Snippet,
    string? Cluster, int Copies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? CopySources)
{
    /// <param name="collapsed">Whether the hit stands for its story (then its copies' outlets are listed).</param>
    public static HitJson From(Hit h, bool collapsed) => new(
        h.Id, Math.Round(h.Score, 4), h.Title, h.Source, h.Author, h.Published, h.Section, h.Url,
        Highlight.AsMarkTags(h.Snippet), h.Cluster, h.Copies, collapsed ? h.CopySources : null);
}
