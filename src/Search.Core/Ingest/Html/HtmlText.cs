using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Plain text of an extracted article element: block elements (paragraphs, headings, list items,
/// table rows, <c>&lt;br&gt;</c>) end paragraphs, separated by <c>"\n\n"</c>; inline elements run
/// together; whitespace collapses; scripts, styles and forms give nothing.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "figure", "figcaption",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "caption",
        "hr", "br", "address", "details", "summary", "center",
    };

    private static readonly HashSet<string> Silent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "form", "button", "select", "textarea", "svg", "iframe", "object", "embed",
    };

    /// <summary>The text of <paramref name="root"/>, paragraphs separated by a blank line.</summary>
    public static string ToText(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, current, paragraphs);
        Flush(current, paragraphs);
        return string.Join("\n\n", paragraphs);
    }

    private static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        foreach (INode child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement e when Silent.Contains(e.LocalName):
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    Flush(current, paragraphs);
                    Walk(e, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case IElement e:
                    Walk(e, current, paragraphs);
                    break;
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0)
            return;
        string p = ParagraphText.CollapseWhitespace(current.ToString());
        current.Clear();
        if (p.Length > 0)
            paragraphs.Add(p);
    }
}
