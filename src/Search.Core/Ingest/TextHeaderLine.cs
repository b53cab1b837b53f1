namespace Search.Core.Ingest;

/// <summary>
/// One <c>Key: value</c> line of the header a text export puts above an article ("Title: …",
/// "Author: …", "Date: …", "Section: …", and export bookkeeping such as "Length: 523 words" or
/// "Load-Date: …"). Keys are the names <see cref="FieldMapping"/> knows for CSV columns and JSON
/// keys, in every language it knows them, plus the few that only headers use ("By", "Publication").
/// </summary>
public readonly record struct TextHeaderLine(string Key, string Value, ArticleField? Field)
{
    /// <summary>Longest key read: a key is a short label, not the start of a sentence.</summary>
    private const int MaxKeyLength = 32;

    private const int MaxKeyWords = 3;

    /// <summary>Names only a text header gives a field.</summary>
    private static readonly Dictionary<string, ArticleField> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["by"] = ArticleField.Author, ["writtenby"] = ArticleField.Author, ["writer"] = ArticleField.Author,
        ["publication"] = ArticleField.Source, ["publicationtitle"] = ArticleField.Source, ["newspaper"] = ArticleField.Source,
        ["postedon"] = ArticleField.Published, ["publishedon"] = ArticleField.Published, ["posted"] = ArticleField.Published,
        ["datepublished"] = ArticleField.Published, ["dated"] = ArticleField.Published,
        ["sourceurl"] = ArticleField.Url, ["originalurl"] = ArticleField.Url, ["articleurl"] = ArticleField.Url,
        ["subtitle"] = ArticleField.Summary, ["subheadline"] = ArticleField.Summary, ["dek"] = ArticleField.Summary,
        ["highlight"] = ArticleField.Summary, ["highlights"] = ArticleField.Summary,
        ["keyword"] = ArticleField.Tags, ["topic"] = ArticleField.Tags, ["subject"] = ArticleField.Tags,
    };

    /// <summary>Keys of export bookkeeping: not an article field, and not text of the article either,
    /// when they stand in a header whose other keys are fields (Nexis: "Length", "Load-Date",
    /// "Publication-Type"; Factiva and others: "Word count", "Copyright", "Document type").</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.OrdinalIgnoreCase)
    {
        "length", "words", "wordcount", "loaddate", "publicationtype", "documenttype", "doctype", "type",
        "copyright", "rights", "edition", "page", "pages", "pg", "status", "updated", "lastupdated", "modified",
        "datemodified", "graphic", "correctiondate", "notes", "note", "documentid", "docid", "accessionnumber",
        "journalcode", "region", "industry", "company", "organization", "organisation", "person", "ticker",
        "dateline", "geographic", "city", "state", "location", "column", "series", "image", "photo",
        "caption", "credit", "wordcountnumber", "readingtime", "version", "revision",
    };

    /// <summary>Reads <paramref name="line"/> as <c>Key: value</c>: a key of at most three words of
    /// letters (and '-', '_', '.', "(s)") then a colon (or a full-width one) and a space or the end
    /// of the line. Null when it is not of that shape or its key is neither a field nor bookkeeping.</summary>
    public static TextHeaderLine? TryRead(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        int colon = line.IndexOfAny(':', '：');
        if (colon <= 0 || colon > MaxKeyLength || (colon + 1 < line.Length && !char.IsWhiteSpace(line[colon + 1])))
            return null;
        ReadOnlySpan<char> key = line[..colon].TrimEnd();
        if (key.EndsWith("(s)", StringComparison.Ordinal))
            key = key[..^3];
        if (key.IsEmpty || !char.IsLetter(key[0]) || !IsLabel(key))
            return null;
        string value = line[(colon + 1)..].Trim().ToString();
        string joined = FieldMapping.Joined(key, stackalloc char[key.Length]).ToString();
        if (FieldMapping.TryMap(key, out ArticleField field) || HeaderNames.TryGetValue(joined, out field))
            return new TextHeaderLine(key.ToString(), value, field);
        return Bookkeeping.Contains(joined) ? new TextHeaderLine(key.ToString(), value, null) : null;
    }

    /// <summary>Letters, digits after the first letter, and at most two separators between words.</summary>
    private static bool IsLabel(ReadOnlySpan<char> key)
    {
        int words = 1;
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c is ' ' or '-' or '_' or '.')
            {
                if (++words > MaxKeyWords)
                    return false;
            }
            else if (!char.IsLetterOrDigit(c))
                return false;
        }
        return true;
    }
}
