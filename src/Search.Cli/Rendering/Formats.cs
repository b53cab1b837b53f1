using System.Globalization;

namespace Search.Cli.Rendering;

/// <summary>Number and size formatting shared by the renderers (invariant culture).</summary>
public static class Formats
{
    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 result", "2 results", "1,234 articles": a count with its noun in the right number.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        $"{N(n)} {(n == 1 ? singular : plural ?? singular + "s")}";

    public static string Ms(double ms) => ms < 10 ? ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : ms.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(double s) => s.ToString(s < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s";

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1073741824.0).ToString("0.00", CultureInfo.InvariantCulture) + " GB",
    };

    /// <summary>A list in prose: "a, b or c".</summary>
    public static string Or(IReadOnlyList<string> values) =>
        values.Count <= 1 ? string.Join("", values) : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];

    public static string Duration(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
