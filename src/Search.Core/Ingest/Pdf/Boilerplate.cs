using System.Text.RegularExpressions;

namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Keeps the article's paragraphs and drops the page furniture a printed web page carries (menus,
/// headline lists, "related" teasers, footers). Each paragraph scores its word count when it reads
/// as prose (it ends a sentence: . ! ? or a closing quote, and has at least
/// <see cref="MinProseWords"/> words, or it has <see cref="LongProseWords"/> words or more, and at most <see cref="MaxLinked"/> of its letters are in
/// links: menus, headline lists and share buttons are links), and minus its word count plus <see cref="GapPenalty"/>
/// otherwise; the article is the contiguous run of paragraphs with the highest total (the maximum
/// subarray), so subheadings and short lines inside the article stay while menus before it and
/// teasers after it go. Paragraphs in the run that are mostly not letters (tables of numbers,
/// rules) are dropped as well. A page with no prose at all keeps its paragraphs that are not links.
/// Reader comments, prose too, are cut off first (<see cref="CommentSection"/>); a site's cookie
/// notice is never prose, and a photo's caption is dropped wherever it sits.
/// </summary>
public static partial class Boilerplate
{
    /// <summary>Words a paragraph needs to be prose: this many when it ends a sentence; when it does
    /// not, <see cref="LongProseWords"/> (a product description, a list run into one block, a
    /// paragraph cut by a page break).</summary>
    public const int MinProseWords = 8, LongProseWords = 20;

    public const int GapPenalty = 3;
    public const double MaxLinked = 0.5;

    public static List<string> Keep(IReadOnlyList<PdfParagraph> all)
    {
        var paragraphs = all.Take(CommentSection.Start(all)).ToList();
        if (paragraphs.Count == 0)
            return [];
        var scores = paragraphs.Select(Score).ToArray();
        int bestStart = 0, bestEnd = -1, start = 0;
        double best = double.NegativeInfinity, sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (sum <= 0)
            {
                sum = 0;
                start = i;
            }
            sum += scores[i];
            if (sum > best)
            {
                best = sum;
                bestStart = start;
                bestEnd = i;
            }
        }
        if (best <= 0) // no prose at all (a short note, a list): an article with little text is still an article
            return paragraphs.Where(p => p.Linked <= MaxLinked).Select(p => p.Text).Where(p => !MostlyNotLetters(p) && !Caption(p)).ToList();
        return paragraphs.Skip(bestStart).Take(bestEnd - bestStart + 1).Select(p => p.Text).Where(p => !MostlyNotLetters(p) && !Caption(p)).ToList();
    }

    private static double Score(PdfParagraph paragraph)
    {
        int words = Words(paragraph.Text);
        return paragraph.Linked <= MaxLinked && IsProse(paragraph.Text, words) ? words : -(words + GapPenalty);
    }

    private static bool IsProse(string paragraph, int words)
    {
        if (words < MinProseWords || MostlyNotLetters(paragraph) || CookieNotice().IsMatch(paragraph) || Caption(paragraph))
            return false;
        if (words >= LongProseWords)
            return true;
        char last = paragraph.TrimEnd()[^1];
        return last is '.' or '!' or '?' or '"' or '”' or '’' or '»' or '。' or '…' or ')';
    }

    /// <summary>Words separated by spaces; Chinese and Japanese, written without spaces, count
    /// one word for every two characters, Thai one for every five.</summary>
    public static int Words(string text)
    {
        int words = 0;
        foreach (string token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int han = token.Count(c => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF');
            int thai = token.Count(c => c is >= '\u0E00' and <= '\u0E7F');
            words += Math.Max(1, (han + 1) / 2 + (thai + 4) / 5);
        }
        return words;
    }

    /// <summary>A site's notice about its cookies (prose, printed with every page): "cookies" with
    /// consent, opting out, accepting, "this website" or the reader's browser in one paragraph.</summary>
    [GeneratedRegex(@"\bcookies?\b(?=.*\b(?:consent|opt[- ]?out|accept|(?:this|our)\s+(?:web)?site|your\s+browser|browsing\s+experience)\b)|\b(?:consent|opt[- ]?out|accept|(?:this|our)\s+(?:web)?site|your\s+browser|browsing\s+experience)\b(?=.*\bcookies?\b)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CookieNotice();

    /// <summary>A photo's caption or credit, which a printed page sets between the article's
    /// paragraphs: it ends in a credit ("(Image: GETTY)", "(AP Photo/Jane Doe)", "Photo: Jane Doe,
    /// AP", ".../Getty Images") or counts a gallery ("Image 1 of 9").</summary>
    private static bool Caption(string paragraph) => Words(paragraph) <= CaptionWords && CaptionCredit().IsMatch(paragraph);

    /// <summary>Longer than this, a paragraph is not a caption, whatever it ends with.</summary>
    private const int CaptionWords = 60;

    [GeneratedRegex(@"\((?:images?|photos?|pictures?|pic|credit|photograph)\s*:\s*[^()]{1,60}\)\s*$|\((?:AP|AFP|Reuters)\s+Photo\b[^()]{0,60}\)\s*$|(?:^|\s)(?:photo|image|picture|photograph|credit)s?\s*:\s*[^.:]{1,60}$|\bGetty\s+Images\s*$|\bimage\s+\d+\s+of\s+/?\s*\d+\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionCredit();

    private static bool MostlyNotLetters(string paragraph) => paragraph.Count(char.IsLetter) * 2 < paragraph.Length;
}
