using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Bounds how deep a parsed page's elements nest. Broken templates leave tags unclosed in a loop
/// (a <c>&lt;div&gt;</c> or <c>&lt;font&gt;</c> per comment or per row), and a page of a few hundred
/// kilobytes nests as deep as the parser lets it (AngleSharp, like Chrome, attaches elements deeper
/// than 511 levels to their ancestor at that depth). Readability's scoring walks ancestors and
/// inner text, so its time grows with depth times size: 16,000 unclosed tags took 5-10 s, 20,000
/// nested table cells 6-12 s, and bigger pages of the kind ran out of time. Here every element
/// below <see cref="MaxDepth"/> is unwrapped into its ancestor at that
/// depth, in document order, except those that carry the text's shape (paragraphs, headings, links,
/// images, line breaks); a block that is unwrapped leaves a line break, so its text stays a
/// paragraph of its own. Nothing is lost: the text, its order and its paragraphs stay.
/// </summary>
public static class DeepMarkup
{
    /// <summary>Deepest element kept as it is: real pages nest 9 to 50 levels (the 230 pages of the
    /// extraction test sets); at this depth the pages above take 40 ms instead of seconds.</summary>
    public const int MaxDepth = 128;

    /// <summary>Elements kept, below <see cref="MaxDepth"/> too: the parser never nests them in
    /// themselves, so keeping them cannot make the page deep again.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "br", "hr",
    };

    /// <summary>Inline elements: unwrapped without a line break.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "span", "font", "b", "i", "u", "s", "em", "strong", "small", "big", "sub", "sup", "mark", "abbr", "cite", "code",
        "q", "tt", "strike", "nobr", "label", "time", "var", "kbd", "samp", "dfn", "ins", "del", "bdi", "bdo", "wbr",
    };

    /// <summary>Flattens what lies deeper than <paramref name="maxDepth"/> below <paramref name="root"/>;
    /// returns how many elements were unwrapped.</summary>
    public static int Limit(IElement root, int maxDepth = MaxDepth)
    {
        int unwrapped = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            (IElement e, int depth) = stack.Pop();
            if (depth == maxDepth)
            {
                if (e.Children.Any(c => c.ChildElementCount > 0))
                    unwrapped += Flatten(e);
                continue;
            }
            foreach (IElement child in e.Children)
                stack.Push((child, depth + 1));
        }
        return unwrapped;
    }

    /// <summary>Replaces the children of <paramref name="boundary"/> by its descendants, unwrapped
    /// as described above (new nodes: moving the old ones one by one costs a search of their
    /// siblings each).</summary>
    private static int Flatten(IElement boundary)
    {
        IDocument document = boundary.Owner!;
        int unwrapped = 0;
        var output = new List<INode>();
        // Work items: a node to copy into the current target, or the end of an element's children.
        var work = new Stack<(INode Node, bool End)>();
        var targets = new Stack<(INode Node, List<INode> Children)>();
        var top = (Node: (INode)boundary, Children: output);
        PushChildren(work, boundary);
        while (work.Count > 0)
        {
            (INode node, bool end) = work.Pop();
            if (end)
            {
                var element = (IElement)node;
                if (Kept.Contains(element.LocalName))
                {
                    (INode copy, List<INode> children) = top;
                    foreach (INode c in children)
                        copy.AppendChild(c);
                    top = targets.Pop();
                    top.Children.Add(copy);
                }
                else if (!Inline.Contains(element.LocalName))
                    top.Children.Add(document.CreateElement("br"));
                continue;
            }
            switch (node)
            {
                case IText text:
                    top.Children.Add(document.CreateTextNode(text.Data));
                    break;
                case IElement element when element.LocalName is "script" or "style":
                    break; // never text, wherever it sits
                case IElement element:
                    if (Kept.Contains(element.LocalName))
                    {
                        IElement copy = document.CreateElement(element.LocalName);
                        foreach (IAttr attribute in element.Attributes)
                        {
                            try { copy.SetAttribute(attribute.Name, attribute.Value); }
                            catch (DomException) { } // a name only the parser's error recovery accepts
                        }
                        targets.Push(top);
                        top = (copy, new List<INode>());
                    }
                    else
                        unwrapped++;
                    work.Push((element, true));
                    PushChildren(work, element);
                    break;
            }
        }
        boundary.TextContent = "";
        foreach (INode n in output)
            boundary.AppendChild(n);
        return unwrapped;
    }

    private static void PushChildren(Stack<(INode, bool)> work, INode parent)
    {
        for (int i = parent.ChildNodes.Length - 1; i >= 0; i--)
            work.Push((parent.ChildNodes[i], false));
    }
}
