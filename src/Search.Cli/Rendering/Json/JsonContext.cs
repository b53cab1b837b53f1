using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Search.Cli.Rendering.Json;

/// <summary>
/// Every JSON shape the program writes, serialised by generated code (no reflection at start-up).
/// Names are snake_case (<c>took_ms</c>, <c>copy_sources</c>); nulls are written unless a
/// property says otherwise; non-ASCII text is written as is.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ResultJson))]
[JsonSerializable(typeof(HitJson))]
[JsonSerializable(typeof(RelatedJson))]
[JsonSerializable(typeof(DuplicatesJson))]
[JsonSerializable(typeof(ArticleJson))]
[JsonSerializable(typeof(StatsJson))]
[JsonSerializable(typeof(SummaryJson))]
[JsonSerializable(typeof(CheckJson))]
[JsonSerializable(typeof(ErrorJson))]
public sealed partial class JsonContext : JsonSerializerContext
{
    /// <summary>Indented: the documents of `--json`.</summary>
    public static JsonContext Indented { get; } = new(MakeOptions(indented: true));

    /// <summary>One line per object: `--jsonl`.</summary>
    public static JsonContext Lines { get; } = new(MakeOptions(indented: false));

    private static JsonSerializerOptions MakeOptions(bool indented) => new()
    {
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
