using System.Text.RegularExpressions;

namespace Search.Core.Ingest.Exports;

/// <summary>
/// A text file that a news database wrote with many articles in it: LexisNexis ("1 of 100
/// DOCUMENTS" above each article), Nexis Uni ("End of Document" under each) and Factiva
/// ("Document GRDN000020240315ek3f0001d" under each). Each article becomes a record of the file
/// (<c>export.txt#3</c>), its headline, outlet, date, byline and section read from the lines the
/// database puts around it (<see cref="NexisArticle"/>, <see cref="FactivaArticle"/>), so the
/// export is not indexed as one article titled by its first headline.
/// </summary>
public static partial class NewsDatabaseExport
{
    private enum Layout { None, LexisNexis, NexisUni, Factiva }

    /// <summary>The articles of a document's text (a Word, RTF or PDF export: its title and body as
    /// the document's reader made them, a paragraph a line) when it is such an export; null otherwise.</summary>
    public static List<ReadItem>? TrySplit(Article whole, SourceFile file)
    {
        // Most documents are not exports: their text is looked at line by line only when a mark is in it.
        string body = whole.Body;
        if (!(body.Contains("End of Document", StringComparison.OrdinalIgnoreCase) || body.Contains(" DOCUMENTS", StringComparison.Ordinal)
              || body.Contains("Document ", StringComparison.Ordinal)))
            return null;
        var lines = new List<string> { whole.Title, "" };
        lines.AddRange(TextArticleReader.Lines(body));
        return TryRead(lines, file);
    }

    /// <summary>The articles of <paramref name="lines"/> when they are such an export; null otherwise.</summary>
    public static List<ReadItem>? TryRead(List<string> lines, SourceFile file)
    {
        var (layout, marks) = Find(lines);
        if (layout == Layout.None)
            return null;
        var items = new List<ReadItem>();
        for (int k = 0; k < marks.Count; k++)
        {
            // LexisNexis marks where an article starts; Nexis Uni and Factiva where one ends.
            int start = layout == Layout.LexisNexis ? marks[k] + 1 : (k == 0 ? 0 : marks[k - 1] + 1);
            int end = layout == Layout.LexisNexis ? (k + 1 < marks.Count ? marks[k + 1] : lines.Count) : marks[k];
            var segment = lines.GetRange(start, end - start);
            Article article = layout == Layout.Factiva ? FactivaArticle.Read(segment) : NexisArticle.Read(segment, layout == Layout.LexisNexis);
            int line = FirstText(lines, start, end) + 1;
            string? problem = FieldMapping.Complete(article, file, k + 1, line);
            if (article.Title.Length == 0)
                article.Title = TextArticleReader.Excerpt(article.Body, TextArticleReader.ExcerptTitleLength);
            items.Add(problem == null ? ReadItem.Of(article) : ReadItem.Skip(line, problem));
        }
        return items;
    }

    /// <summary>The layout whose marks the file has, and the lines they are on. Nexis' need its
    /// labels ("Length: 412 words", "Load-Date:") in the file, Factiva's a word count ("523 words")
    /// above its first mark, so a story that ends with such a line is not taken for an export.</summary>
    private static (Layout, List<int>) Find(List<string> lines)
    {
        var lexis = new List<int>();
        var nexis = new List<int>();
        var factiva = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            ReadOnlySpan<char> s = lines[i].AsSpan().Trim();
            if (s.Length is 0 or > 40)
                continue;
            if (LexisMark().IsMatch(s))
                lexis.Add(i);
            else if (s.Equals("End of Document", StringComparison.OrdinalIgnoreCase))
                nexis.Add(i);
            else if (FactivaMark().IsMatch(s))
                factiva.Add(i);
        }
        // Nexis' marks count when the file also has the labels Nexis writes with every article.
        bool labels = lines.Exists(l => NexisLabel().IsMatch(l.Trim()));
        if (lexis.Count > 0 && labels)
            return (Layout.LexisNexis, lexis);
        if (nexis.Count > 0 && labels)
            return (Layout.NexisUni, nexis);
        if (factiva.Count > 0 && Enumerable.Range(0, factiva[0]).Any(i => FactivaArticle.IsWordCount(lines[i])))
            return (Layout.Factiva, factiva);
        return (Layout.None, lexis);
    }

    /// <summary>Lines from <paramref name="from"/> on as paragraphs, a blank line ending one: the
    /// text of a story, or all of a segment whose head is not the database's.</summary>
    internal static string Paragraphs(List<string> lines, int from)
    {
        var text = new ParagraphText();
        for (int i = from; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
                text.Break();
            else
                text.AddLine(line);
        }
        return text.ToString();
    }

    private static int FirstText(List<string> lines, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (!string.IsNullOrWhiteSpace(lines[i]))
                return i;
        return start;
    }

    [GeneratedRegex(@"^(?:LENGTH:\s*\d[\d,]*\s+words|LOAD-DATE:)", RegexOptions.IgnoreCase)]
    private static partial Regex NexisLabel();

    /// <summary>"1 of 100 DOCUMENTS", as LexisNexis Academic heads each article.</summary>
    [GeneratedRegex(@"^\d{1,5} of \d{1,5} DOCUMENTS?$", RegexOptions.IgnoreCase)]
    private static partial Regex LexisMark();

    /// <summary>"Document GRDN000020240315ek3f0001d": Factiva's accession number.</summary>
    [GeneratedRegex(@"^Document [A-Za-z0-9]{16,32}$")]
    private static partial Regex FactivaMark();
}
