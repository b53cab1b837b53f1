namespace Search.Core.Ingest;

/// <summary>
/// Reads a CSV file with a header row (e.g. the Wikinews seeds: <c>url,date,title,text</c>), one
/// article per data row, streaming. Columns are mapped by <see cref="FieldMapping"/>. Record
/// numbers are 1-based data-row indexes (skipped rows count, so ids stay stable); a row without an
/// id column gets the id <c>RelativePath#record</c>. Bad rows are skipped with their line number:
/// a row with the wrong number of fields, and a quote left open to the end of the file (which
/// swallows every later row: CSV cannot resynchronise after it).
/// </summary>
public sealed class CsvArticleReader : IArticleReader
{
    public string Format => "csv";

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => extension == ".csv";

    public IEnumerable<ReadItem> Read(SourceFile file) => TextDecoding.ReadRecords(file, Read);

    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(new StringReader(text), file);

    /// <summary>Reads CSV text from <paramref name="reader"/> (for files already open, and tests).</summary>
    public static IEnumerable<ReadItem> Read(TextReader reader, SourceFile file)
    {
        var csv = new CsvRecordParser(reader);
        ArticleField?[]? columns = null;
        int record = 0;
        while (csv.Next())
        {
            if (csv.Unterminated)
            {
                if (columns != null)
                    record++;
                yield return ReadItem.Skip(csv.StartLine,
                    $"unbalanced quote: the record starting on line {csv.StartLine} runs to the end of the file");
                yield break;
            }
            if (columns == null)
            {
                columns = FieldMapping.MapHeader(csv.Fields);
                if (!columns.Any(f => f is ArticleField.Title or ArticleField.Body))
                {
                    yield return ReadItem.Skip(csv.StartLine, "header has no title or body column: " + string.Join(",", csv.Fields));
                    yield break;
                }
                continue;
            }
            record++;
            if (csv.Fields.Count != columns.Length)
            {
                yield return ReadItem.Skip(csv.StartLine, $"expected {columns.Length} fields, found {csv.Fields.Count}");
                continue;
            }
            var article = new Article();
            for (int i = 0; i < columns.Length; i++)
                if (columns[i] is ArticleField field)
                    FieldMapping.Apply(article, field, csv.Fields[i]);
            string? problem = FieldMapping.Complete(article, file, record, csv.StartLine);
            yield return problem == null ? ReadItem.Of(article) : ReadItem.Skip(csv.StartLine, problem);
        }
    }
}
