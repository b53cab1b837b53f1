using Search.Core.Duplicates;
using Search.Core.Indexing;
using Search.Core.Indexing.Maintenance;
using Search.Core.Ingest;
using Search.Core.Querying;

namespace Search.Cli.Rendering.Json;

/// <summary>`search show --json`: one article, every field.</summary>
public sealed record ArticleJson(
    string Id, string Title, string? Source, string? Author, string? Published, string? Section, string? Url,
    string? AuthorUrl, string? Language, IReadOnlyList<string> Places, IReadOnlyList<string> Tags, IReadOnlyList<string> Links,
    IReadOnlyList<string> LinkUrls, IReadOnlyList<string> Related, string File, string? Path, int? Record, string Body)
{
    public static ArticleJson From(Article a) => new(
        a.Id, a.Title, a.Source, a.Author, a.Published, a.Section, a.Url, a.AuthorUrl, a.Language,
        a.Places, a.Tags, a.Links, a.LinkUrls, a.Related, a.File, a.FullPath, a.Record, a.Body);
}

/// <summary>`search duplicates --json`: every cluster of copies.</summary>
public sealed record DuplicatesJson(int Clusters, int Articles, IReadOnlyList<StoryJson> Stories)
{
    public static DuplicatesJson From(IReadOnlyList<DuplicateCluster> clusters) => new(
        clusters.Count, clusters.Sum(c => c.Members.Count),
        clusters.Select(c => new StoryJson(c.Key, c.Members.Count, c.Members.Select(m => new MemberJson(m.Id, m.Title, m.Source, m.Published)).ToList())).ToList());
}

public sealed record StoryJson(string Cluster, int Copies, IReadOnlyList<MemberJson> Members);

public sealed record MemberJson(string Id, string Title, string? Source, string? Published);

/// <summary>`search stats --json`.</summary>
public sealed record StatsJson(
    string Index, int Documents, int Segments, long SizeBytes, int SchemaVersion, IReadOnlyList<RootJson> Roots,
    AnalysisJson Analysis, IReadOnlyList<string> Fields, DatesJson Dates, Dictionary<string, DimensionJson> Dimensions,
    string Build, IReadOnlyList<SkippedJson> Skipped)
{
    /// <summary>The stats with the build state and every skipped file and record the index is
    /// missing (as in `search index --json`).</summary>
    public static StatsJson From(IndexStats s, IndexStatus status) => new(
        s.Index, s.Documents, s.Segments, s.SizeBytes, s.SchemaVersion,
        s.Roots.Select(r => new RootJson(r.Path, r.Exists, r.Files, r.Articles)).ToList(),
        new AnalysisJson(s.Stemmer, s.StopWords, s.Languages), s.Fields, new DatesJson(s.Oldest, s.Newest, s.Undated),
        s.Dimensions.ToDictionary(d => d.Key, d => new DimensionJson(d.Value.Distinct, d.Value.Top.Select(v => new ValueCountJson(v.Value, v.Count)).ToList())),
        status.State, status.Problems.Select(p => new SkippedJson(p.File, p.Line, p.Reason)).ToList());
}

public sealed record RootJson(string Path, bool Exists, int Files, int Articles);

/// <param name="Languages">How each language of the index is analysed, by ISO 639-1 code.</param>
public sealed record AnalysisJson(string Stemmer, bool StopWords, IReadOnlyDictionary<string, string> Languages);

public sealed record DatesJson(string? Oldest, string? Newest, int Undated);

public sealed record DimensionJson(int Distinct, IReadOnlyList<ValueCountJson> Top);

public sealed record ValueCountJson(string Value, int Count);

/// <summary>`search index --json`: the build summary.</summary>
public sealed record SummaryJson(
    IReadOnlyList<string> Roots, int FilesScanned, int FilesIndexed, int FilesUnchanged, int FilesIgnored,
    IReadOnlyList<string> Ignored, IReadOnlyList<string> Unfinished, int ArticlesAdded, int ArticlesUpdated,
    int ArticlesUnchanged, int ArticlesRemoved, IReadOnlyList<SkippedJson> Skipped, IReadOnlyList<CollisionJson> IdCollisions,
    int DocumentsInIndex, long Bytes, double Seconds, bool Interrupted, AmbiguousDatesJson AmbiguousDates, AmbiguousDatesJson UnreadDates)
{
    public static SummaryJson From(BuildSummary s) => new(
        s.Roots, s.FilesScanned, s.FilesIndexed, s.FilesUnchanged, s.FilesIgnored,
        s.Ignored.Order(StringComparer.Ordinal).ToList(), s.Unfinished, s.ArticlesAdded, s.ArticlesUpdated,
        s.ArticlesUnchanged, s.ArticlesRemoved,
        s.Skipped.Select(k => new SkippedJson(k.File, k.Line, k.Reason)).ToList(),
        s.Collisions.Select(c => new CollisionJson(c.Id, c.Files)).ToList(),
        s.DocumentsInIndex, s.Bytes, Math.Round(s.Seconds, 3), s.Interrupted,
        new AmbiguousDatesJson(s.AmbiguousDates, s.AmbiguousDateExample),
        new AmbiguousDatesJson(s.UnreadDates, s.UnreadDateExample));
}

/// <summary>Stated dates left unread, and the first met: in <c>ambiguous_dates</c> because day and
/// month could be either way round (`--date-order` reads them), in <c>unread_dates</c> because they
/// are no date or one that cannot exist.</summary>
public sealed record AmbiguousDatesJson(int Count, string? Example);

public sealed record SkippedJson(string File, int? Line, string Reason);

public sealed record CollisionJson(string Id, IReadOnlyList<string> Files);

/// <summary>`search check --json`.</summary>
public sealed record CheckJson(string Index, bool Healthy, IReadOnlyList<string> Findings, int Articles, int? ArticlesDropped, bool Fixable, bool Fixed, string Fix)
{
    public static CheckJson From(string index, CheckReport r, bool fixing) =>
        new(index, r.Healthy, r.Findings, r.Articles, r.ArticlesDropped, r.Fixable, fixing && r.Fixable, r.Fix);
}
