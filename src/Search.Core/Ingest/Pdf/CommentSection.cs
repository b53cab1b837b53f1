using System.Text.RegularExpressions;

namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Where a printed page's reader comments begin, which ends the article: a comment section's
/// heading ("Comments", "34 responses to “…”", "Leave a Reply", "You must be logged in to post a
/// comment") or a commenter's line ("jane says: November 19, 2019 at 6:34 am", "Alex on September
/// 17, 2018 at 6:34 am said:"). Comments are prose, so the article's run of prose would otherwise
/// run on through them. Only after <see cref="ArticleWords"/> words of prose: a "Comments" link in
/// a menu above the article, or a byline's "5 comments", must not end it before it starts.
/// </summary>
public static partial class CommentSection
{
    /// <summary>Words of prose (paragraphs of <see cref="Boilerplate.MinProseWords"/> words or more,
    /// mostly not links) that must come before a comment section's start.</summary>
    public const int ArticleWords = 50;

    /// <summary>A heading is a short paragraph: at most this many words.</summary>
    private const int HeadingWords = 12;

    /// <summary>Index of the paragraph where the comments begin; the paragraph count when none do.</summary>
    public static int Start(IReadOnlyList<PdfParagraph> paragraphs)
    {
        int prose = 0;
        for (int i = 0; i < paragraphs.Count; i++)
        {
            string text = paragraphs[i].Text.Trim();
            int words = Boilerplate.Words(text);
            if (prose >= ArticleWords && (words <= HeadingWords && Heading().IsMatch(text) || Commenter().IsMatch(text)))
                return i;
            if (words >= Boilerplate.MinProseWords && paragraphs[i].Linked <= Boilerplate.MaxLinked)
                prose += words;
        }
        return paragraphs.Count;
    }

    [GeneratedRegex(@"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)(?:\s*\(\d+\))?\s*[:.]?$|^(?:\d+|one|two|three)\s+(?:comments?|responses?|replies|thoughts)\s+(?:to|on)\s|^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:reply|comment|response)|^comments\s+are\s+closed|^you\s+must\s+be\s+logged\s+in\s+to\s+(?:post|leave|add)\s+a\s+comment|^join\s+the\s+(?:discussion|conversation)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    /// <summary>A name of a few words, "says"/"said"/"wrote", and a time of day within a few words.</summary>
    [GeneratedRegex(@"^(?:\d+\.\s+)?(?:\S+\s+){0,6}?\S+\s+(?:says|said|wrote|writes)\s*:?\s+(?:on\s+)?(?:\S+\s+){0,5}?\d{1,2}:\d{2}|^(?:\S+\s+){0,6}?\S+\s+on\s+(?:\S+\s+){1,5}?(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s+(?:said|says|wrote)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Commenter();
}
