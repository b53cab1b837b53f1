using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Removes what Readability leaves inside the article it picked but is not article text, by
/// rules that hold across sites (none names a site): figures and their captions and photo credits;
/// elements whose class or id names page furniture (share, related, newsletter, promo, byline,
/// timestamp, tags, breadcrumb, comments, advert…); menus and teaser lists, i.e. lists and short
/// blocks that are mostly link text; copyright and "Image 1 of 9" lines; and bylines and
/// timestamps. A rule never removes an element holding more than 40% of the text. (Removing
/// repeated lines was tried and cost more recall than it gained precision: docs/extraction.md.)
/// </summary>
public static partial class ArticleCleanup
{
    /// <summary>Class/id words (split at '-', '_' and case changes) that mark furniture.</summary>
    private static readonly HashSet<string> FurnitureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "captions", "credit", "credits", "share", "sharing", "sharebar", "social", "related", "newsletter",
        "promo", "byline", "dateline", "timestamp", "tags", "breadcrumb", "breadcrumbs", "subscribe", "subscription",
        "advert", "advertisement", "ad", "ads", "sponsor", "sponsored", "outbrain", "taboola", "comments", "comment",
        "toolbar", "signup", "recirc", "readmore", "newsletters", "disclaimer", "copyright",
    };

    /// <summary>Blocks with at most this many words are judged by their link density.</summary>
    private const int ShortBlockWords = 30;

    /// <summary>Most of the article's text one rule may remove from it.</summary>
    private const double MaxShareRemoved = 0.4;

    /// <summary>Longest byline or timestamp line.</summary>
    private const int MetaLineLength = 80;

    public static void Clean(IElement root)
    {
        // A rule that would take a large share of the text has misread the page's markup (a wrapper
        // whose class happens to say "ad" or "comments"): such elements stay.
        int total = root.TextContent.Length;
        bool Small(IElement e) => e.TextContent.Length <= total * MaxShareRemoved;
        foreach (IElement e in root.QuerySelectorAll(AmpFurniture).ToList())
            e.Remove();
        foreach (IElement e in root.QuerySelectorAll("figure, figcaption, nav, aside, footer, [role=navigation]").ToList())
            if (e.IsInserted() && Small(e))
                e.Remove();
        foreach (IElement e in root.QuerySelectorAll("[class], [id]").ToList())
            if (e.IsInserted() && IsFurniture(e) && Small(e))
                e.Remove();
        foreach (IElement e in root.QuerySelectorAll("ul, ol, p, div, li").ToList())
            if (e.IsInserted() && IsLinkList(e) && Small(e))
                e.Remove();
        foreach (IElement e in root.QuerySelectorAll("p, h1, h2, h3, h4, h5, h6, li, div").ToList())
        {
            if (!e.IsInserted() || e.QuerySelector("p, div, li") != null)
                continue;
            string text = ParagraphText.CollapseWhitespace(e.TextContent);
            if (text.Length == 0)
                continue;
            if (JunkLine().IsMatch(text) || FurnitureLine().IsMatch(text) || IsMetaLine(text))
                e.Remove();
        }
        RemoveTrailingHeadings(root);
    }

    /// <summary>AMP's own page furniture: ads and their "Advertisement" placeholders, share
    /// buttons, the consent banner, the menu drawer, analytics.</summary>
    private const string AmpFurniture =
        "amp-ad, amp-embed, amp-sticky-ad, amp-auto-ads, amp-social-share, amp-consent, amp-user-notification, amp-sidebar, amp-analytics, amp-pixel";

    /// <summary>The article's text, paragraphs separated by a blank line, without what follows its
    /// end and what sits between its paragraphs without being text: reader comments from their
    /// heading or first commenter on (the rule printed pages use: <see cref="Pdf.CommentSection"/>),
    /// and lines that are page furniture wherever they are ("Advertisement", "Story continues
    /// below", "Share this:", a comment form's "Your email address will not be published").</summary>
    public static string Trim(string body)
    {
        var paragraphs = body.Split("\n\n").Where(p => !FurnitureLine().IsMatch(p)).ToList();
        int end = Pdf.CommentSection.Start(paragraphs.Select(p => new Pdf.PdfParagraph(p, 0)).ToList());
        return string.Join("\n\n", paragraphs.Take(end));
    }

    /// <summary>Headings with no text after them: a box's title ("You may also like", "Read more")
    /// whose links were removed, left at the end of the article.</summary>
    private static void RemoveTrailingHeadings(IElement root)
    {
        while (root.QuerySelectorAll("h1, h2, h3, h4, h5, h6") is { Length: > 0 } headings && !TextFollows(headings[^1], root))
            headings[^1].Remove();
    }

    private static bool TextFollows(INode node, IElement root)
    {
        for (INode? n = node; n != null && n != root; n = n.Parent)
            for (INode? next = n.NextSibling; next != null; next = next.NextSibling)
                if (!string.IsNullOrWhiteSpace(next.TextContent))
                    return true;
        return false;
    }

    /// <summary>A whole line that is page furniture: an ad's label, a note that the story goes on
    /// after an ad, a share box's label and buttons, a comment form's notes.</summary>
    [GeneratedRegex(@"^(?:advertisements?|advertisment|advertising|ad|ads|anzeige|publicidad|publicité|sponsored(?: content)?|(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|continue\s+reading\s+(?:below|the\s+main\s+story)|scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?|share\s+this(?:\s+(?:article|story|post|page))?(?:\s*:(?:\s+\S+){0,6})?|like\s+this\s*:(?:\s+\S+){0,3}|share\s+(?:on|via)\s+\S+(?:\s+\S+){0,6}|like\s+loading|your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are\s+marked.*|save\s+my\s+name,\s+email,?\s+and\s+website\s+in\s+this\s+browser.*)[\s.:!…*]*$", RegexOptions.IgnoreCase)]
    private static partial Regex FurnitureLine();

    /// <summary>A short line without closing punctuation that is a byline or a timestamp
    /// ("By Jane Doe", "Published 4:00 am CST, Wednesday, November 20, 2019", "Updated at 1:23 p.m.").</summary>
    private static bool IsMetaLine(string text)
    {
        if (text.Length > MetaLineLength || text.EndsWith('.') && !text.EndsWith(".m.", StringComparison.Ordinal))
            return false;
        return MetaLead().IsMatch(text) || VisibleDates.FindDate(text) != null;
    }

    private static bool IsInserted(this IElement e) => e.Parent != null;

    private static bool IsFurniture(IElement e)
    {
        if (e.LocalName is "body" or "html" or "article" or "main")
            return false;
        foreach (string attribute in (string[])["class", "id"])
        {
            string? value = e.GetAttribute(attribute);
            if (string.IsNullOrEmpty(value))
                continue;
            foreach (string word in Words().Split(value))
                if (word.Length > 0 && FurnitureWords.Contains(word))
                    return true;
        }
        return false;
    }

    /// <summary>A list, or a short block, whose text is mostly links: a menu or teasers.</summary>
    private static bool IsLinkList(IElement e)
    {
        string text = ParagraphText.CollapseWhitespace(e.TextContent);
        if (text.Length == 0)
            return false;
        int words = text.Count(c => c == ' ') + 1;
        bool list = e.LocalName is "ul" or "ol";
        if (!list && words > ShortBlockWords)
            return false;
        int linked = e.QuerySelectorAll("a").Sum(a => ParagraphText.CollapseWhitespace(a.TextContent).Length);
        return linked > text.Length * (list ? 0.5 : 0.8);
    }

    [GeneratedRegex(@"^(?:by|updated|published|posted|last updated|first published)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MetaLead();

    [GeneratedRegex(@"[-_\s]+|(?<=[a-z])(?=[A-Z])")]
    private static partial Regex Words();

    /// <summary>Lines that are never article text: copyright notices, gallery counters, photo credits.</summary>
    [GeneratedRegex(@"^(?:©|\(c\)\s|copyright\b|all rights reserved|image \d+ of|photo:|credit:|\(image:)|all rights reserved\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex JunkLine();
}
