using System.Text.RegularExpressions;

namespace Search.Core.Ingest;

/// <summary>
/// The metadata a plain-text article states in lines of their own above its body: a header of
/// <c>Key: value</c> lines (<see cref="TextHeaderLine"/>) at the top of the file or under the
/// title, a byline ("By Maria Jensen") and a date line ("15 March 2024 10:39 CET") under the title,
/// or a date line above it. What it reads fills the article's fields and is left out of its title
/// and body; anything else ends it, so the first line of prose is never taken.
/// </summary>
public static partial class TextPreamble
{
    /// <summary>Most metadata lines read in one place (a Nexis header has about eight).</summary>
    private const int MaxLines = 16;

    private const int MaxBylineLength = 100;

    private const int MaxBylineWords = 12;

    /// <summary>Reads the metadata at the top of the file, from its first text line
    /// <paramref name="from"/>, marking the lines it reads in <paramref name="metadata"/>. Returns
    /// the first line after them (<paramref name="from"/> when there are none).</summary>
    public static int ReadTop(List<string> lines, int from, Article article, bool[] metadata) =>
        Read(lines, from, article, metadata, underTitle: false);

    /// <summary>Reads the metadata under the title, from the line after it.</summary>
    public static int ReadUnderTitle(List<string> lines, int from, Article article, bool[] metadata) =>
        Read(lines, from, article, metadata, underTitle: true);

    /// <summary>Whether a line is one this class reads (so a wrapped title does not run on into it).</summary>
    public static bool IsMetadataLine(string line) =>
        TextHeaderLine.TryRead(line) is { Field: not null and not ArticleField.Body } header && Plausible(header)
        || Byline(line) != null || IsDateLine(line);

    private static int Read(List<string> lines, int from, Article article, bool[] metadata, bool underTitle)
    {
        var headers = new List<(int Line, TextHeaderLine Header)>();
        var others = new List<(int Line, string? Author, string? Date)>();
        int end = from, mapped = 0, bodyLine = -1;
        string bodyText = "";
        bool plausible = true;
        for (int i = from; i < lines.Count && headers.Count + others.Count < MaxLines; i++)
        {
            string line = lines[i];
            if (line.AsSpan().Trim().IsEmpty)
                continue;
            if (TextHeaderLine.TryRead(line) is { } header && (header.Field != null || !IsDateLine(line)))
            {
                if (header.Field == ArticleField.Body)
                {
                    bodyLine = i;
                    bodyText = header.Value;
                    end = i;
                    break;
                }
                headers.Add((i, header));
                if (header.Field != null)
                {
                    mapped++;
                    plausible &= Plausible(header);
                }
            }
            else if (Byline(line) is { } author && underTitle)
                others.Add((i, author, null));
            else if (IsDateLine(line))
                others.Add((i, null, line.Trim()));
            else
            {
                end = i;
                break;
            }
            end = i + 1;
        }
        // A header needs two fields, or one whose value is what its key promises: "Source: a senior
        // official said" is prose.
        bool isHeader = mapped >= 2 || (mapped == 1 && plausible);
        if (!isHeader && (others.Count == 0 || headers.Count > 0))
            return from;
        if (!underTitle && !isHeader && end >= lines.Count)
            return from; // a date line alone, with nothing under it, is the text
        if (isHeader && bodyLine >= 0)
        {
            // "Text: The union said…" under a header: the text starts here, without its label.
            lines[bodyLine] = bodyText;
            metadata[bodyLine] = bodyText.Length == 0;
        }
        foreach (var (line, h) in headers)
        {
            metadata[line] = true;
            if (h.Field is { } field)
                Apply(article, field, h.Value);
        }
        foreach (var (line, author, date) in others)
        {
            metadata[line] = true;
            if (author != null)
                article.Author ??= author;
            if (date != null)
                article.Published ??= WithoutLabel(date).ToString();
        }
        return end;
    }

    private static void Apply(Article article, ArticleField field, string value)
    {
        if (field == ArticleField.Author)
        {
            string clean = Html.Bylines.Clean(value);
            value = clean.Length > 0 ? clean : value;
        }
        if (field == ArticleField.Published)
            value = WithoutLabel(value).ToString();
        FieldMapping.Apply(article, field, value);
    }

    /// <summary>Whether a header line's value is what its key promises.</summary>
    private static bool Plausible(TextHeaderLine header)
    {
        string v = header.Value;
        return header.Field switch
        {
            ArticleField.Title or ArticleField.Summary => v.Length > 0,
            ArticleField.Author => Html.Bylines.Clean(v).Length > 0,
            ArticleField.Published => IsDateText(WithoutLabel(v)),
            ArticleField.Url => UrlParts.IsStandaloneUrl(v),
            ArticleField.Tags or ArticleField.Places => v.Length is > 0 and <= 300,
            _ => v.Length is > 0 and <= 60 && v.Split(' ').Length <= 6 && !v.EndsWith('.'),
        };
    }

    /// <summary>The author of a byline line ("By Maria Jensen, Staff Writer"; "Von", "Par", "Por"):
    /// short, every word a name's (capitalised) or one that joins names; null otherwise.</summary>
    public static string? Byline(string line)
    {
        ReadOnlySpan<char> s = line.AsSpan().Trim();
        if (s.Length > MaxBylineLength || !BylineStart().IsMatch(s))
            return null;
        int words = 0;
        foreach (Range r in s.Split(' '))
        {
            ReadOnlySpan<char> word = s[r].Trim(",;|()");
            if (word.IsEmpty)
                continue;
            if (++words > MaxBylineWords || !(char.IsUpper(word[0]) || Joiners.Contains(word.ToString()) || !word.ContainsAnyExcept(Separators)))
                return null;
        }
        if (s.EndsWith('.') && s[s.LastIndexOf(' ')..].Length > 3)
            return null; // a sentence ("By Friday the port was open.")
        string author = Html.Bylines.Clean(line);
        return author.Length > 0 ? author : null;
    }

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create("-–—&|/·•");

    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal)
    {
        "by", "and", "und", "et", "y", "e", "de", "da", "das", "do", "dos", "del", "della", "van", "von", "der",
        "den", "la", "le", "du", "bin", "al", "el", "in", "at", "for", "of", "the", "with", "staff", "writer",
        "correspondent", "reporter", "editor",
    };

    /// <summary>A line that is a date and nothing else, perhaps after "Published", "Updated" or
    /// "Posted": read by <see cref="DateParsing"/> in the file's date order later, so an ambiguous
    /// 03/04/2024 counts as a date here.</summary>
    public static bool IsDateLine(string line) => IsDateText(WithoutLabel(line));

    private static bool IsDateText(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.IsEmpty || !s.ContainsAnyExceptInRange('0', '9'))
            return false; // digits alone: a number, not a date written for people
        string text = s.ToString();
        return DateParsing.ToIsoDate(text) != null || DateParsing.IsAmbiguous(text);
    }

    private static ReadOnlySpan<char> WithoutLabel(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        Match m = DateLabel().Match(s.ToString());
        return m.Success ? s[m.Length..] : s;
    }

    [GeneratedRegex(@"^(?i:by|von|par|por)\s*:?\s+\p{Lu}")]
    private static partial Regex BylineStart();

    [GeneratedRegex(@"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|date|dated)(?:\s+on)?\s*:?\s+)", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabel();
}
