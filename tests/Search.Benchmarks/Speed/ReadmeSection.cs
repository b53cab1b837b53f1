namespace Search.Benchmarks.Speed;

/// <summary>Replaces the text between the speed markers of docs/performance.md with the latest report.</summary>
public static class ReadmeSection
{
    public const string Begin = "<!-- speed:begin -->";
    public const string End = "<!-- speed:end -->";

    public static void Update(string readme, string report)
    {
        string text = File.ReadAllText(readme);
        int begin = text.IndexOf(Begin, StringComparison.Ordinal);
        int end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            Log.Step($"{readme} has no {Begin} … {End} markers: not updated");
            return;
        }
        // The report's own heading levels sit one below the README's Performance section.
        string body = report.Replace("\n### ", "\n#### ").Replace("## Speed benchmark", "### Latest run");
        File.WriteAllText(readme, text[..(begin + Begin.Length)] + "\n" + body + text[end..]);
        Log.Step($"updated the report in {readme}");
    }
}
