namespace Search.Core.Ingest;

/// <summary>
/// How to read CSV files when sniffing is not enough (`search index --csv-delimiter`,
/// `--csv-quote`, `--csv-columns`). Unset values are sniffed from each file's first lines
/// (<see cref="CsvDialect"/>); <see cref="Columns"/> names the columns of files whose first line
/// is data rather than a header.
/// </summary>
public sealed record CsvSettings
{
    public static CsvSettings Default { get; } = new();

    /// <summary>Field delimiter (',', ';' or tab), or null to sniff it.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Quote character ('"' or '\''), or null to sniff it.</summary>
    public char? Quote { get; init; }

    /// <summary>The article field of each column of a headerless file (null: a column to ignore),
    /// or null when files must have a header.</summary>
    public IReadOnlyList<ArticleField?>? Columns { get; init; }

    /// <summary>The text given to --csv-columns, for messages.</summary>
    public string? ColumnsText { get; init; }

    /// <summary>`--csv-columns id,title,body,...`: column names as in headers (any alias FieldMapping
    /// knows); `-` or an empty name skips a column. Throws a <see cref="SearchException"/> (exit 2)
    /// naming an unknown name.</summary>
    public static IReadOnlyList<ArticleField?> ParseColumns(string text)
    {
        var columns = new List<ArticleField?>();
        foreach (string raw in text.Split(','))
        {
            string name = raw.Trim();
            if (name is "" or "-" or "_")
                columns.Add(null);
            else if (FieldMapping.TryMap(name, out ArticleField field))
                columns.Add(field);
            else
                throw new SearchException($"--csv-columns: '{name}' is not a column name search knows (id, title, body, url, author, source, date, section, tags, places, language, description; '-' skips a column)", 2);
        }
        if (!columns.Any(c => c is { } field && FieldMapping.IsText(field)))
            throw new SearchException("--csv-columns must name a title or body column (e.g. --csv-columns id,title,body)", 2);
        return columns;
    }

    /// <summary>`--csv-delimiter`: comma, semicolon or tab, by name or as the character.</summary>
    public static char ParseDelimiter(string text) => text.ToLowerInvariant() switch
    {
        "," or "comma" => ',',
        ";" or "semicolon" => ';',
        "\t" or "\\t" or "tab" => '\t',
        _ => throw new SearchException($"--csv-delimiter must be comma, semicolon or tab, not '{text}'", 2),
    };

    /// <summary>`--csv-quote`: a double or single quote, by name or as the character.</summary>
    public static char ParseQuote(string text) => text.ToLowerInvariant() switch
    {
        "\"" or "double" => '"',
        "'" or "single" => '\'',
        _ => throw new SearchException($"--csv-quote must be double (\") or single ('), not '{text}'", 2),
    };
}
