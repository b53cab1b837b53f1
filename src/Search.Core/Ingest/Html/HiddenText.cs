using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Text a page holds where a browser that runs its scripts does not show it: in <c>&lt;noscript&gt;</c>
/// (what readers without scripts see: some sites put the whole article there and draw the page
/// with a script) and in <c>&lt;template&gt;</c> (markup a script copies into the page). Readability
/// drops both, so such a page read as "no article". Revealed, the page reads as a browser without
/// scripts shows it; <see cref="HtmlExtractor"/> does that only when the page shows no article.
/// </summary>
public static class HiddenText
{
    /// <summary>Words inside the page's <c>&lt;noscript&gt;</c> and <c>&lt;template&gt;</c> elements
    /// in its body (a <c>&lt;noscript&gt;</c> in the head holds styles and tracking pixels).</summary>
    public static int Words(IDocument document)
    {
        if (document.Body is not { } body)
            return 0;
        int words = 0;
        foreach (IElement e in body.QuerySelectorAll("noscript, template"))
            if (e.ParentElement?.Closest("noscript, template") == null)
                words += NonArticlePages.Words(e is IHtmlTemplateElement t ? t.Content.TextContent : e.TextContent);
        return words;
    }

    /// <summary>Replaces each <c>&lt;noscript&gt;</c> and <c>&lt;template&gt;</c> of the body by what
    /// it holds; whether there was any.</summary>
    public static bool Reveal(IDocument document)
    {
        if (document.Body is not { } body)
            return false;
        bool any = false;
        // Innermost last: a template inside a noscript is revealed when its copy is.
        for (int pass = 0; pass < 4; pass++)
        {
            var hidden = body.QuerySelectorAll("noscript, template").ToList();
            if (hidden.Count == 0)
                break;
            foreach (IElement e in hidden)
            {
                if (e.Parent is not { } parent)
                    continue;
                IElement shown = document.CreateElement("div");
                shown.InnerHtml = e is IHtmlTemplateElement t ? string.Concat(t.Content.ChildNodes.Select(n => n.ToHtml())) : e.InnerHtml;
                parent.ReplaceChild(shown, e);
                any = true;
            }
        }
        return any;
    }
}
