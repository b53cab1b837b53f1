namespace Search.Core.Snippets;

/// <summary>Markers around highlighted words in snippets; renderers turn them into colour,
/// <c>**bold**</c> or <c>&lt;mark&gt;</c>.</summary>
public static class Highlight
{
    public const char Open = '\u0002';
    public const char Close = '\u0003';

    public static string Strip(string text) => text.Replace(Open.ToString(), "").Replace(Close.ToString(), "");

    public static string Replace(string text, string open, string close) =>
        text.Replace(Open.ToString(), open).Replace(Close.ToString(), close);
}
