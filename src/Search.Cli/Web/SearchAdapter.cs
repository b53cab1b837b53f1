using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Querying;
using Search.Core.Snippets;

namespace Search.Cli.Web;

/// <summary>
/// The one place the web server calls into the query side (<see cref="ArticleSearcher"/>,
/// <see cref="SearchRequest"/>, <see cref="SearchResult"/>) and the JSON of the CLI
/// (<see cref="JsonRenderer"/>): <c>/api/search</c> answers exactly what <c>search query --json</c>
/// prints and <c>/api/articles/{id}</c> what <c>search show --json</c> prints, because both go through
/// the same renderer. Every method returns a JSON document or throws <see cref="ApiError"/>.
/// Thread-safe: each call acquires one searcher from the searcher's <c>SearcherManager</c> and
/// releases it, so an answer comes from one commit.
/// </summary>
public sealed class SearchAdapter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArticleSearcher _searcher;

    private SearchAdapter(ArticleSearcher searcher) => _searcher = searcher;

    /// <summary>Opens the index read-only; a <see cref="SearchException"/> (one line) when it is
    /// missing, damaged or of another schema version.</summary>
    public static SearchAdapter Open(string indexPath) => new(ArticleSearcher.Open(indexPath));

    public string IndexPath => _searcher.IndexPath;

    /// <summary>Picks up the newest commit of a build running beside the server, if there is one.</summary>
    public void Refresh() => _searcher.Refresh();

    /// <summary><c>search query --json</c>.</summary>
    public string Search(SearchRequest request) => JsonRenderer.Result(Run(request));

    /// <summary>The values of one facet dimension for a query and its filters, most frequent first
    /// (years and months in time order).</summary>
    public string FacetValues(string dimension, SearchRequest request)
    {
        var result = Run(request with { Facets = [dimension], Limit = 0, Offset = 0, Snippets = false, Suggest = false });
        var (dim, values) = result.Facets.First();
        var other = result.FacetOthers.GetValueOrDefault(dim) ?? Core.Facets.FacetOther.None;
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("dimension", dim);
            w.WriteString("query", result.Query);
            w.WriteNumber("total", result.Total);
            w.WriteStartArray("values");
            foreach (var v in values)
            {
                w.WriteStartObject();
                w.WriteString("value", v.Value);
                w.WriteNumber("count", v.Count);
                w.WriteBoolean("selected", v.Selected);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("other");
            w.WriteNumber("values", other.Values);
            w.WriteNumber("count", other.Count);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary><c>search show ID [--file FILE] --json</c>.</summary>
    public string Article(string id, string? file) => JsonRenderer.Article(Find(id, file));

    /// <summary>The article's title and whole body with the words <paramref name="query"/> matches
    /// marked &lt;mark&gt;…&lt;/mark&gt; (as snippets are in <c>/api/search</c>).</summary>
    public string Highlighted(string id, string? file, string query)
    {
        var article = Find(id, file);
        var (title, body) = _searcher.Highlighted(article, query);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", article.Id);
            w.WriteString("query", query);
            w.WriteString("title", Highlight.AsMarkTags(title));
            w.WriteString("body", Highlight.AsMarkTags(body));
            w.WriteEndObject();
        });
    }

    /// <summary><c>search related ID --json</c>; <paramref name="file"/> picks the seed when files
    /// share the id (as on <c>/api/articles/{id}</c>), and without it such an id is a 409 listing
    /// the files, as <c>search related</c> refuses it: related to which of them is not for the
    /// server to guess.</summary>
    public string Related(string id, string? file, int limit)
    {
        Find(id, file);
        try
        {
            return JsonRenderer.Related(_searcher.Related(id, limit, file));
        }
        catch (SearchException e) when (e is not QuerySyntaxException)
        {
            // Gone between the two looks (a build removed it): as if it had never been there.
            throw new ApiError(404, e.Message);
        }
    }

    /// <summary>The other articles of the article's story (its duplicate cluster), earliest first;
    /// <paramref name="file"/> picks the article when files share the id (without it, the first).</summary>
    public string Copies(string id, string? file)
    {
        if (file != null)
            Find(id, file);
        else if (_searcher.GetAll(id).Count == 0)
            throw NoArticle(id);
        Core.Duplicates.DuplicateCluster? cluster;
        try
        {
            // That story alone: listing every story of the index to find it read every copy in it.
            cluster = _searcher.StoryOf(id, file);
        }
        catch (SearchException e) when (e is not QuerySyntaxException)
        {
            // Gone between the two looks (a build removed it).
            throw new ApiError(404, e.Message);
        }
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("cluster", cluster?.Key);
            w.WriteStartArray("copies");
            // The article itself is left out once: a copy of another file with the same id (the
            // same archive under two roots) is a copy all the same.
            bool skipped = false;
            foreach (var m in cluster?.Members ?? Array.Empty<Core.Duplicates.DuplicateCluster.Member>())
            {
                if (m.Id == id && !skipped)
                {
                    skipped = true;
                    continue;
                }
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("title", m.Title);
                w.WriteString("source", m.Source);
                w.WriteString("published", m.Published);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary><c>search stats --json</c>.</summary>
    public string Stats() => JsonRenderer.Stats(_searcher.Stats(), Core.Indexing.IndexStatus.Read(_searcher.IndexPath));

    private SearchResult Run(SearchRequest request)
    {
        try
        {
            return _searcher.Search(request);
        }
        catch (QuerySyntaxException e)
        {
            // The searcher names a bad filter as the CLI's option; here it is the parameter.
            string message = e.Message.StartsWith("--filter ", StringComparison.Ordinal) ? e.Message[2..] : e.Message;
            throw new ApiError(400, message, e.Position);
        }
        catch (SearchException e) when (e.ExitCode == QuerySyntaxException.Code)
        {
            throw new ApiError(400, e.Message);
        }
    }

    private Article Find(string id, string? file)
    {
        var all = _searcher.GetAll(id);
        if (file != null)
            all = all.Where(a => a.File == file || a.FullPath == file).ToList();
        if (all.Count == 0)
            throw file != null ? ApiError.NotFound($"no article with id '{ApiQuery.Shorten(id)}' in {ApiQuery.Shorten(file)}") : NoArticle(id);
        if (all.Count > 1)
        {
            // Named as `search show` names them: by their paths when two share a name (a.txt of two
            // roots), else the 409 would list one name twice, and that name would pick neither.
            var files = Core.Indexing.Writing.IdCollisions.Names(all.Select(a => (a.File, a.FullPath ?? a.File)).ToList()).ToList();
            throw new ApiError(409, $"{all.Count} articles have the id '{ApiQuery.Shorten(id)}'; add ?file=FILE to pick one", files: files);
        }
        return all[0];
    }

    private static ApiError NoArticle(string id) => ApiError.NotFound($"no article with id '{ApiQuery.Shorten(id)}'");

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void Dispose() => _searcher.Dispose();
}
