using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Search.Core.Ingest.Html;

/// <summary>
/// A title or body that holds HTML read as the text it shows. CMS exports and news APIs give an
/// article's text as markup (WordPress's <c>post_content</c> and <c>content.rendered</c>, the
/// Guardian's <c>body</c>): kept as it is, its tags became searchable words ("strong", "href"),
/// snippets showed <c>&lt;p&gt;</c> and entities stayed <c>&amp;amp;</c>. Markup is recognised by
/// closing tags, line breaks and paragraph tags only, so a Reuters ticker like <c>&lt;CYPM&gt;</c>
/// or "x &lt; y" in plain text stays as it is; entities in plain text are decoded.
/// </summary>
public static partial class MarkupInFields
{
    public static void Apply(Article article)
    {
        if (IsMarkup(article.Body))
            article.Body = BlockText(article.Body);
        else if (HasEntity(article.Body))
            article.Body = WebUtility.HtmlDecode(article.Body);
        if (IsMarkup(article.Title) || article.Title.Contains("</", StringComparison.Ordinal))
            article.Title = InlineText(article.Title);
        else if (HasEntity(article.Title))
            article.Title = WebUtility.HtmlDecode(article.Title);
    }

    public static bool IsMarkup(string text) => text.Contains('<', StringComparison.Ordinal) && Markup().IsMatch(text);

    private static bool HasEntity(string text) => text.Contains('&', StringComparison.Ordinal) && Entity().IsMatch(text);

    /// <summary>Paragraphs as a page's are read (<see cref="HtmlText"/>).</summary>
    internal static string BlockText(string html) => HtmlText.ToText(Parse(html));

    private static string InlineText(string html) => ParagraphText.CollapseWhitespace(Parse(html).TextContent);

    private static AngleSharp.Dom.IElement Parse(string html) =>
        new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument("<!DOCTYPE html><body>" + html).Body!;

    [GeneratedRegex(@"</(?:p|div|a|li|h[1-6]|blockquote|span|em|strong|b|i|figure|figcaption|ul|ol|table|section|article)\s*>|<br\s*/?>|<p(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();

    [GeneratedRegex(@"&(?:amp|lt|gt|quot|apos|nbsp|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip|#[0-9]{1,6}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
