using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Core.Snippets;
using Search.Core.Duplicates;
using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Querying;

namespace Search.Cli.Rendering;

/// <summary>
/// The `--json` output of each command, written field by field so the shapes documented in
/// README are visible here in one place (and start-up pays for no reflection-based serialiser).
/// Field names are stable. Highlights in snippets are &lt;mark&gt;…&lt;/mark&gt;.
/// </summary>
public static class JsonRenderer
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Result(SearchResult r) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("query", r.Query);
        w.WriteNumber("total", r.Total);
        w.WriteBoolean("collapsed", r.Collapsed);
        w.WriteNumber("articles", r.Articles);
        w.WriteNumber("took_ms", r.TookMs);
        w.WriteNumber("offset", r.Offset);
        w.WriteStartArray("hits");
        foreach (var h in r.Hits)
        {
            w.WriteStartObject();
            w.WriteString("id", h.Id);
            w.WriteNumber("score", Math.Round(h.Score, 4));
            w.WriteString("title", h.Title);
            w.WriteString("source", h.Source);
            w.WriteString("author", h.Author);
            w.WriteString("published", h.Published);
            w.WriteString("section", h.Section);
            w.WriteString("url", h.Url);
            w.WriteString("snippet", Highlight.Replace(h.Snippet, "<mark>", "</mark>"));
            w.WriteString("cluster", h.Cluster);
            w.WriteNumber("copies", h.Copies);
            if (r.Collapsed)
                StringArray(w, "copy_sources", h.CopySources);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("suggestion", r.Suggestion);
        if (r.Notice != null)
            w.WriteString("notice", r.Notice);
        w.WriteBoolean("any_words", r.AnyWords);
        if (r.Notes.Count > 0)
            StringArray(w, "notes", r.Notes);
        if (r.Facets.Count > 0)
        {
            w.WriteStartObject("facets");
            foreach (var (dim, values) in r.Facets)
            {
                w.WriteStartArray(dim);
                foreach (var v in values)
                {
                    w.WriteStartObject();
                    w.WriteString("value", v.Value);
                    w.WriteNumber("count", v.Count);
                    w.WriteBoolean("selected", v.Selected);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            // What each facet list leaves out: more values, and their summed counts.
            w.WriteStartObject("facet_other");
            foreach (var dim in r.Facets.Keys)
            {
                var other = r.FacetOthers.GetValueOrDefault(dim) ?? Core.Facets.FacetOther.None;
                w.WriteStartObject(dim);
                w.WriteNumber("values", other.Values);
                w.WriteNumber("count", other.Count);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteStartObject("filters");
        foreach (var (dim, values) in r.Filters)
            StringArray(w, dim, values);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static string Related(RelatedResult r) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("seed", r.SeedId);
        w.WriteString("seed_title", r.SeedTitle);
        w.WriteNumber("seed_copies", r.SeedCopies);
        w.WriteNumber("took_ms", r.TookMs);
        w.WriteStartArray("hits");
        foreach (var h in r.Hits)
        {
            w.WriteStartObject();
            w.WriteString("id", h.Id);
            w.WriteNumber("score", Math.Round(h.Score, 4));
            w.WriteString("title", h.Title);
            w.WriteString("source", h.Source);
            w.WriteString("published", h.Published);
            w.WriteString("section", h.Section);
            w.WriteString("cluster", h.Cluster);
            w.WriteNumber("copies", h.Copies);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string Duplicates(IReadOnlyList<DuplicateCluster> clusters) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("clusters", clusters.Count);
        w.WriteNumber("articles", clusters.Sum(c => c.Members.Count));
        w.WriteStartArray("stories");
        foreach (var c in clusters)
        {
            w.WriteStartObject();
            w.WriteString("cluster", c.Key);
            w.WriteNumber("copies", c.Members.Count);
            w.WriteStartArray("members");
            foreach (var m in c.Members)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("title", m.Title);
                w.WriteString("source", m.Source);
                w.WriteString("published", m.Published);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string Article(Article a) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("title", a.Title);
        w.WriteString("source", a.Source);
        w.WriteString("author", a.Author);
        w.WriteString("published", a.Published);
        w.WriteString("section", a.Section);
        w.WriteString("url", a.Url);
        w.WriteString("author_url", a.AuthorUrl);
        w.WriteString("language", a.Language);
        StringArray(w, "places", a.Places);
        StringArray(w, "tags", a.Tags);
        StringArray(w, "links", a.Links);
        StringArray(w, "link_urls", a.LinkUrls);
        StringArray(w, "related", a.Related);
        w.WriteString("file", a.File);
        w.WriteString("path", a.FullPath);
        if (a.Record is int record) w.WriteNumber("record", record); else w.WriteNull("record");
        w.WriteString("body", a.Body);
        w.WriteEndObject();
    });

    public static string Stats(IndexStats s) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("index", s.Index);
        w.WriteNumber("documents", s.Documents);
        w.WriteNumber("segments", s.Segments);
        w.WriteNumber("size_bytes", s.SizeBytes);
        w.WriteNumber("schema_version", s.SchemaVersion);
        w.WriteStartArray("roots");
        foreach (var r in s.Roots)
        {
            w.WriteStartObject();
            w.WriteString("path", r.Path);
            w.WriteBoolean("exists", r.Exists);
            w.WriteNumber("files", r.Files);
            w.WriteNumber("articles", r.Articles);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("analysis");
        w.WriteString("stemmer", s.Stemmer);
        w.WriteBoolean("stop_words", s.StopWords);
        w.WriteEndObject();
        StringArray(w, "fields", s.Fields);
        w.WriteStartObject("dates");
        w.WriteString("oldest", s.Oldest);
        w.WriteString("newest", s.Newest);
        w.WriteNumber("undated", s.Undated);
        w.WriteEndObject();
        w.WriteStartObject("dimensions");
        foreach (var (dim, d) in s.Dimensions)
        {
            w.WriteStartObject(dim);
            w.WriteNumber("distinct", d.Distinct);
            w.WriteStartArray("top");
            foreach (var v in d.Top)
            {
                w.WriteStartObject();
                w.WriteString("value", v.Value);
                w.WriteNumber("count", v.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static string Summary(BuildSummary s) => Write(w =>
    {
        w.WriteStartObject();
        StringArray(w, "roots", s.Roots);
        w.WriteNumber("files_scanned", s.FilesScanned);
        w.WriteNumber("files_indexed", s.FilesIndexed);
        w.WriteNumber("files_unchanged", s.FilesUnchanged);
        w.WriteNumber("files_ignored", s.FilesIgnored);
        StringArray(w, "ignored", s.Ignored.Order(StringComparer.Ordinal).ToList());
        StringArray(w, "unfinished", s.Unfinished);
        w.WriteNumber("articles_added", s.ArticlesAdded);
        w.WriteNumber("articles_updated", s.ArticlesUpdated);
        w.WriteNumber("articles_unchanged", s.ArticlesUnchanged);
        w.WriteNumber("articles_removed", s.ArticlesRemoved);
        w.WriteStartArray("skipped");
        foreach (var k in s.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("file", k.File);
            if (k.Line is int line) w.WriteNumber("line", line); else w.WriteNull("line");
            w.WriteString("reason", k.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("id_collisions");
        foreach (var c in s.Collisions)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            StringArray(w, "files", c.Files);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("documents_in_index", s.DocumentsInIndex);
        w.WriteNumber("bytes", s.Bytes);
        w.WriteNumber("seconds", Math.Round(s.Seconds, 3));
        w.WriteBoolean("interrupted", s.Interrupted);
        w.WriteEndObject();
    });

    public static string Check(string index, Search.Core.Indexing.Maintenance.CheckReport r, bool fixing) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("index", index);
        w.WriteBoolean("healthy", r.Healthy);
        StringArray(w, "findings", r.Findings);
        w.WriteNumber("articles", r.Articles);
        if (r.ArticlesDropped is int dropped) w.WriteNumber("articles_dropped", dropped); else w.WriteNull("articles_dropped");
        w.WriteBoolean("fixable", r.Fixable);
        w.WriteBoolean("fixed", fixing && r.Fixable);
        w.WriteString("fix", r.Fix);
        w.WriteEndObject();
    });

    public static string Error(string message, int position) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        if (position > 0) w.WriteNumber("position", position);
        w.WriteEndObject();
    });

    private static void StringArray(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
