using System.Text.RegularExpressions;

namespace Search.Core.Ingest.Exports;

/// <summary>
/// One article of a Factiva export: the headline, perhaps a byline, the word count ("523 words"),
/// the date, perhaps a time, the outlet, its code ("GRDN"), perhaps a page, the language and the
/// copyright, each on a line of its own, then the text; the accession number under it ends it
/// (<see cref="NewsDatabaseExport"/>).
/// </summary>
public static partial class FactivaArticle
{
    /// <summary>Most lines between the word count and the text.</summary>
    private const int MaxHeadLines = 10;

    /// <summary>The names Factiva gives the languages it holds most of (the enricher reads them as codes).</summary>
    private static readonly HashSet<string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        "English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Russian", "Chinese-Simplified",
        "Chinese-Traditional", "Chinese", "Japanese", "Korean", "Arabic", "Swedish", "Danish", "Norwegian", "Finnish",
        "Polish", "Turkish", "Czech", "Hungarian", "Greek", "Indonesian", "Malay", "Vietnamese", "Thai", "Ukrainian",
    };

    public static bool IsWordCount(string line) => WordCount().IsMatch(line.Trim());

    public static Article Read(List<string> lines)
    {
        var article = new Article();
        var text = lines.Select(l => l.Trim()).ToList();
        int first = text.FindIndex(l => l.Length > 0);
        int count = first < 0 ? -1 : text.FindIndex(first, Math.Min(MaxHeadLines, text.Count - first), IsWordCount);
        if (count < 0)
        {
            article.Body = NewsDatabaseExport.Paragraphs(text, Math.Max(first, 0));
            return article;
        }

        // Above the word count: the headline, and a byline when there are two lines or more.
        var above = Enumerable.Range(first, count - first).Where(i => text[i].Length > 0).ToList();
        article.Title = above.Count > 0 ? text[above[0]] : "";
        if (above.Count > 1 && Html.Bylines.Clean(text[above[^1]]) is { Length: > 0 } byline)
            article.Author = byline;

        // Under it: date, time, outlet, its code, page, language, copyright; the text after them.
        int i = count + 1, read = 0;
        for (; i < text.Count && read < MaxHeadLines; i++)
        {
            string line = text[i];
            if (line.Length == 0)
                continue;
            read++;
            if (article.Published == null && DateParsing.TryDateline(line, out string iso, out _))
                article.Published = iso;
            else if (Time().IsMatch(line))
                continue;
            else if (Copyright().IsMatch(line))
            {
                i++;
                break;
            }
            else if (article.Published != null && article.Source == null)
                article.Source = line;
            else if (Page().IsMatch(line) || SourceCode().IsMatch(line))
                continue;
            else if (article.Language == null && Languages.Contains(line))
                article.Language = line;
            else
                break; // the text, where a file leaves out the copyright
        }
        article.Body = NewsDatabaseExport.Paragraphs(text, i);
        return article;
    }

    [GeneratedRegex(@"^\d{1,3}(?:[,.]\d{3})*\s+words$", RegexOptions.IgnoreCase)]
    private static partial Regex WordCount();

    [GeneratedRegex(@"^\d{1,2}:\d{2}(?:\s*(?:[AP]M|GMT|UTC|[A-Z]{2,4}))?$")]
    private static partial Regex Time();

    [GeneratedRegex(@"^(?:Page|Pg\.?|Seite)\s+\S+$", RegexOptions.IgnoreCase)]
    private static partial Regex Page();

    /// <summary>The outlet's code: capitals and digits, one word ("GRDN", "FTCOM", "LBA").</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9]{1,9}$")]
    private static partial Regex SourceCode();

    [GeneratedRegex(@"^(?:Copyright\b|©|\(c\)\s*\d{4}|All rights reserved)", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();
}
