namespace Search.Core.Ingest;

/// <summary>
/// Reads a CSV file (<c>.csv</c>, or <c>.tsv</c> with the tab as delimiter, or a <c>.txt</c> that
/// is a tab-separated table of articles, as Excel saves one), one article per data row,
/// streaming. The delimiter (comma, semicolon, tab) and quote character (<c>"</c> or
/// <c>'</c>) are sniffed from the first lines
/// (<see cref="CsvDialect"/>) unless <see cref="SourceFile.Csv"/> forces them or a first line
/// <c>sep=;</c> declares the delimiter, as for Excel; a byte-order mark is ignored. Columns come
/// from the header row, mapped by <see cref="FieldMapping"/>; a file whose first line is data is read with the columns <see cref="CsvSettings.Columns"/> names
/// (`--csv-columns`), or refused with its first characters and how to name them.
/// <para>Record numbers are 1-based data-row indexes (skipped rows count, so ids stay stable); a
/// row without an id column gets the id <c>RelativePath#record</c>. Bad rows are skipped with
/// their line: a row with the wrong number of fields; and a record spoilt by an unbalanced quote
/// (left open to the end of the file, or closed lines later with the wrong field count), after
/// which reading resumes at the next line that starts a well-formed record, so one stray quote
/// costs the lines it spoils, never the rest of the file.</para>
/// </summary>
public sealed class CsvArticleReader : IArticleReader
{
    /// <summary>Header cells longer than this are data, not column names.</summary>
    private const int MaxHeaderCell = 100;

    public string Format => "csv";

    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".csv" or TabSeparated || (extension is ".txt" or ".text" or ".xls" && IsTabSeparatedTable(head))
        || (extension == ".xls" && IsTable(head, (byte)',', (byte)';'));

    /// <summary>A tab-separated export: read as CSV with the tab as its delimiter (not sniffed: a
    /// comma or semicolon in its text must not be taken for one).</summary>
    private const string TabSeparated = ".tsv";

    /// <summary>Whether a <c>.txt</c> file's first line is the header row of a table of articles,
    /// as Excel's "Unicode Text" and "Text (Tab delimited)" save a sheet: two or more cells between
    /// tabs, every one a short name, and at least two of them article fields, one of which gives
    /// the text (title, body, summary). An article's first line is its title; no title is a row of
    /// field names.</summary>
    internal static bool IsTabSeparatedTable(ReadOnlySpan<byte> head) => IsTable(head, (byte)'\t');

    /// <summary>Whether the first line of <paramref name="head"/> is such a header row, its cells
    /// between the first of <paramref name="delimiters"/> it holds. Exports save CSV and
    /// tab-separated text as <c>.xls</c> too, for Excel to open.</summary>
    private static bool IsTable(ReadOnlySpan<byte> head, params ReadOnlySpan<byte> delimiters)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        int newline = head.IndexOf((byte)'\n');
        if (newline < 0)
            return false;
        int found = head[..newline].IndexOfAny(delimiters);
        if (found < 0)
            return false;
        string[] cells = Encoding.UTF8.GetString(head[..newline]).TrimEnd('\r').Split((char)head[found]);
        if (cells.Any(c => c.Trim().Trim('"').Length is 0 or > MaxHeaderCell))
            return false;
        var fields = FieldMapping.MapHeader(cells.Select(c => c.Trim().Trim('"')).ToList()).OfType<ArticleField>().ToList();
        return fields.Count >= 2 && fields.Any(FieldMapping.IsText);
    }

    public IEnumerable<ReadItem> Read(SourceFile file) => TextDecoding.ReadRecords(file, Read);

    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(new StringReader(text), file);

    /// <summary>Reads CSV text from <paramref name="reader"/> (for files already open, and tests).</summary>
    public static IEnumerable<ReadItem> Read(TextReader reader, SourceFile file)
    {
        var settings = file.Csv ?? CsvSettings.Default;
        var buffer = new char[CsvDialect.HeadChars];
        int read = reader.ReadBlock(buffer, 0, buffer.Length);
        string head = new(buffer, 0, read);
        if (head.StartsWith('\uFEFF'))
            head = head[1..];
        string extension = ReaderRegistry.ExtensionOf(file.FullPath).Replace(".gz", "");
        char? declared = DeclaredDelimiter(head);
        char? forced = settings.Delimiter ?? declared ?? (extension is TabSeparated or ".txt" or ".text" || (extension == ".xls" && IsTabSeparatedTable(Encoding.UTF8.GetBytes(head))) ? '\t' : null);
        var (delimiter, quote) = CsvDialect.Sniff(head, whole: read < buffer.Length, forced, settings.Quote);
        var csv = new CsvRecordParser(reader, delimiter, quote, head);

        ArticleField?[]? columns = null;
        int record = 0;
        Spoilt? spoilt = null;
        bool declarationToSkip = declared != null;
        while (csv.Next())
        {
            if (declarationToSkip)
            {
                declarationToSkip = false;
                continue; // the sep= line, which is no record
            }
            if (columns == null)
            {
                if (csv.Unterminated)
                {
                    yield return ReadItem.Skip(csv.StartLine, $"unbalanced quote: the first record (line {csv.StartLine}) runs to the end of the file");
                    yield break;
                }
                var header = FieldMapping.MapHeader(csv.Fields);
                if (IsHeader(csv.Fields, header))
                {
                    if (!header.Any(f => f is { } field && FieldMapping.IsText(field)))
                    {
                        yield return ReadItem.Skip(csv.StartLine, "header has no title or body column: " + Shorten(string.Join(delimiter, csv.Fields)));
                        yield break;
                    }
                    columns = header;
                    continue;
                }
                if (settings.Columns == null)
                {
                    yield return ReadItem.Skip(csv.StartLine, NoHeader(head));
                    yield break;
                }
                columns = settings.Columns.ToArray(); // headerless: this first record is data
            }

            bool wrongCount = csv.Fields.Count != columns.Length;
            if (csv.Unterminated || (csv.EndLine > csv.StartLine && (wrongCount || csv.Malformed)))
            {
                // An unbalanced quote: give back the lines after this record's first one and look
                // for the next record that starts well-formed.
                if (spoilt == null)
                {
                    record++;
                    spoilt = new Spoilt(csv.StartLine, csv.OpenQuote);
                }
                csv.ResumeAfterStartLine();
                continue;
            }
            if (spoilt != null)
            {
                if (wrongCount || csv.Malformed)
                    continue; // still inside the stretch the stray quote spoilt
                yield return ReadItem.Skip(spoilt.Line, spoilt.Describe(csv.StartLine));
                spoilt = null;
            }
            record++;
            if (wrongCount)
            {
                yield return ReadItem.Skip(csv.StartLine, $"expected {columns.Length} fields, found {csv.Fields.Count}");
                continue;
            }
            var article = new Article();
            for (int i = 0; i < columns.Length; i++)
                if (columns[i] is ArticleField field)
                    FieldMapping.Apply(article, field, csv.Fields[i]);
            string? problem = FieldMapping.Complete(article, file, record, csv.StartLine);
            if (problem == null)
                FieldMapping.CutSiteName(article);
            yield return problem == null ? ReadItem.Of(article) : ReadItem.Skip(csv.StartLine, problem);
        }
        if (spoilt != null)
            yield return ReadItem.Skip(spoilt.Line, spoilt.Describe(resumedAt: null));
    }

    /// <summary>The delimiter a first line <c>sep=;</c> declares, as exports meant for Excel write
    /// it (Excel reads it, and hides it); null when the file does not start with one.</summary>
    private static char? DeclaredDelimiter(string head) =>
        head.Length >= 5 && head.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && head[4] is not ('\r' or '\n')
            && (head.Length == 5 || head[5] is '\r' or '\n')
            ? head[4]
            : null;

    /// <summary>A first row is a header when its cells are short and at least one is a name
    /// <see cref="FieldMapping"/> knows; a row of long text or unknown names is data.</summary>
    private static bool IsHeader(IReadOnlyList<string> fields, ArticleField?[] mapped) =>
        mapped.Any(f => f != null) && fields.All(f => f.Length <= MaxHeaderCell);

    private static string NoHeader(string head)
    {
        int end = head.IndexOfAny(['\r', '\n']);
        string first = end < 0 ? head : head[..end];
        return $"no header row naming a title or body column (first line: \"{Shorten(first)}\"); " +
               "name the columns of a file without a header with --csv-columns, e.g. `--csv-columns id,title,body` ('-' skips a column), or add a header line";
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>The start of a stretch spoilt by an unbalanced quote.</summary>
    private sealed record Spoilt(int Line, (int Line, int Column) Quote)
    {
        public string Describe(int? resumedAt)
        {
            string where = Quote.Line > 0 ? $"the quote opened on line {Quote.Line}, column {Quote.Column}" : $"a quote in the record starting on line {Line}";
            return resumedAt is int next
                ? $"unbalanced quote: {where} spoils {(next - 1 > Line ? $"lines {Line}-{next - 1}" : $"line {Line}")}; reading resumed on line {next}"
                : $"unbalanced quote: {where} runs to the end of the file (from the record starting on line {Line})";
        }
    }
}
