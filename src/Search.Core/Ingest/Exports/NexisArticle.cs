using System.Text.RegularExpressions;

namespace Search.Core.Ingest.Exports;

/// <summary>
/// One article of a LexisNexis or Nexis Uni export. Both put the outlet on the line above the date
/// ("January 8, 2010 Friday"), then (LexisNexis) the edition and the headline or (Nexis Uni, where
/// the headline comes first) the copyright; then labelled lines ("BYLINE:", "Section:", "Length:",
/// "Highlight:"), the text (after a line "Body" in Nexis Uni), and labelled lines again
/// ("LOAD-DATE:", "Language:", "Subject:") with the copyright at the end.
/// </summary>
public static partial class NexisArticle
{
    /// <summary>How far into an article the outlet and date are looked for (a cover page of the
    /// search's terms can come before the first article of Nexis Uni's files).</summary>
    private const int HeadWindow = 60;

    public static Article Read(List<string> lines, bool lexisNexis)
    {
        var article = new Article();
        int date = FindDate(lines, out string iso);
        if (date < 0)
        {
            // A segment that has the marks but not the lines around them: its text as it is.
            article.Body = NewsDatabaseExport.Paragraphs(lines, 0);
            return article;
        }
        article.Published = iso;
        int outlet = PreviousText(lines, date);
        if (outlet >= 0)
            article.Source = Clean(lines[outlet]);
        int i;
        if (lexisNexis)
        {
            // The headline is the last block of lines before the first label; editions come before it.
            int label = NextLabel(lines, date + 1);
            int titleEnd = label < 0 ? lines.Count : label;
            int titleStart = BlockStart(lines, PreviousText(lines, titleEnd));
            article.Title = titleStart > date ? Joined(lines, titleStart, titleEnd) : "";
            i = titleEnd;
        }
        else
        {
            int title = outlet >= 0 ? PreviousText(lines, outlet) : -1;
            article.Title = title >= 0 ? Clean(lines[title]) : "";
            i = date + 1;
        }

        // The labels above the text, and the text.
        var body = new ParagraphText();
        bool inBody = false;
        for (; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (!inBody && line.Length == 0)
                continue;
            if (TrailerStart(line))
                break;
            if (!inBody && line.Equals("Body", StringComparison.Ordinal))
            {
                inBody = true;
                continue;
            }
            if (!inBody && TextHeaderLine.TryRead(line) is { } header)
            {
                if (header.Field is { } field and not ArticleField.Body)
                    FieldMapping.Apply(article, field, field switch
                    {
                        ArticleField.Author => Html.Bylines.Clean(header.Value),
                        ArticleField.Section => header.Value.Split(';')[0], // "BUSINESS; Pg. 43"
                        _ => header.Value,
                    });
                continue;
            }
            if (!inBody && (Copyright().IsMatch(line) || IsEdition(line)))
                continue;
            inBody = true;
            if (line.Length == 0)
                body.Break();
            else
                body.AddLine(line);
        }
        ReadTrailer(lines, i, article);
        article.Body = body.ToString();
        return article;
    }

    /// <summary>Labelled lines under the text: the language, and subjects and places as tags and
    /// places without the database's relevance scores ("STRIKES (90%)").</summary>
    private static void ReadTrailer(List<string> lines, int from, Article article)
    {
        for (int i = from; i < lines.Count; i++)
        {
            if (TextHeaderLine.TryRead(lines[i]) is not { } header)
                continue;
            string key = header.Key.ToUpperInvariant();
            if (key is "LANGUAGE")
                article.Language ??= header.Value;
            else if (key is "SUBJECT" or "GEOGRAPHIC" or "COUNTRY")
                foreach (string term in header.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    string name = Score().Replace(term, "").Trim();
                    if (key != "SUBJECT")
                        name = Capitalised(name[(name.LastIndexOf(',') + 1)..].Trim()); // "AARHUS, DENMARK": the country
                    if (name.Length > 0)
                        (key == "SUBJECT" ? article.Tags : article.Places).Add(name);
                }
            else if (key is "URL")
                article.Url ??= header.Value;
        }
    }

    /// <summary>"DENMARK" as "Denmark", "UNITED STATES" as "United States": the database writes
    /// places in capitals, the place facet as names are written.</summary>
    private static string Capitalised(string name) =>
        name.Any(char.IsLower) ? name : System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    /// <summary>The first line that begins with a date ("January 8, 2010 Friday", "8 January 2010")
    /// and has a line of text above it (the outlet).</summary>
    private static int FindDate(List<string> lines, out string iso)
    {
        iso = "";
        for (int i = 0; i < Math.Min(lines.Count, HeadWindow); i++)
        {
            string line = lines[i].Trim();
            if (line.Length is > 0 and <= 80 && DateParsing.TryDateline(line, out iso, out _) && PreviousText(lines, i) >= 0)
                return i;
        }
        return -1;
    }

    private static int PreviousText(List<string> lines, int before)
    {
        for (int i = before - 1; i >= 0; i--)
            if (lines[i].Trim().Length > 0)
                return i;
        return -1;
    }

    private static int BlockStart(List<string> lines, int last)
    {
        if (last < 0)
            return 0;
        int i = last;
        while (i > 0 && lines[i - 1].Trim().Length > 0)
            i--;
        return i;
    }

    private static int NextLabel(List<string> lines, int from)
    {
        for (int i = from; i < lines.Count; i++)
            if (LexisLabel().IsMatch(lines[i].Trim()))
                return i;
        return -1;
    }

    private static string Joined(List<string> lines, int start, int end)
    {
        var text = new ParagraphText();
        for (int i = start; i < end; i++)
            text.AddLine(lines[i].Trim());
        return ParagraphText.CollapseWhitespace(text.ToString());
    }

    private static string Clean(string line) => ParagraphText.CollapseWhitespace(line);

    /// <summary>Where the labelled lines under the text begin.</summary>
    private static bool TrailerStart(string line) =>
        line is "Classification" || TrailerLabel().IsMatch(line);

    private static bool IsEdition(string line) => line.Length <= 60 && line.Contains("Edition", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|GRAPHIC|CORRECTION-DATE|NOTES|SUBJECT|JOURNAL-CODE|DOCUMENT-TYPE):", RegexOptions.IgnoreCase)]
    private static partial Regex TrailerLabel();

    /// <summary>LexisNexis' labels above the text: "BYLINE:", "SECTION:", "LENGTH:", "DATELINE:", "HIGHLIGHT:".</summary>
    [GeneratedRegex(@"^(?:BYLINE|SECTION|LENGTH|DATELINE|HIGHLIGHT|BODY):")]
    private static partial Regex LexisLabel();

    [GeneratedRegex(@"^(?:Copyright\b|©|\(c\)\s*\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"\s*\(\d{1,3}%\)")]
    private static partial Regex Score();
}
