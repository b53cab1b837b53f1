using Search.Core.Enrich;
using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

public class CsvArticleReaderTests
{
    private readonly CsvArticleReader _reader = new();

    private static List<ReadItem> Parse(string csv, string relative = "data/x.csv") =>
        CsvArticleReader.Read(new StringReader(csv), new SourceFile("/r/" + relative, relative, "/r")).ToList();

    [Fact]
    public void A_tsv_file_is_split_at_tabs_and_only_at_tabs()
    {
        const string tsv = "title\tbody\n" +
            "Rates, again, rise\tThe bank raised rates, again, by a quarter; to 5, it said.\n" +
            "Storms, floods, fires\tA year of storms, floods; fires, and heat.\n";
        var articles = Articles(Parse(tsv, "exports/news.tsv"));
        Assert.Equal(["Rates, again, rise", "Storms, floods, fires"], articles.Select(a => a.Title));
        Assert.Equal("The bank raised rates, again, by a quarter; to 5, it said.", articles[0].Body);

        // One column of text: sniffed (as a .csv is), its commas would make fields of it; a .tsv
        // keeps each line whole.
        const string bodies = "body\nThe bank raised rates, again, by a quarter.\nA year of storms, floods, fires.\n";
        Assert.Equal(["The bank raised rates, again, by a quarter.", "A year of storms, floods, fires."],
            Articles(Parse(bodies, "exports/bodies.tsv")).Select(a => a.Body));
        Assert.NotEmpty(Problems(Parse(bodies, "exports/bodies.csv")));
    }

    [Fact]
    public void WikinewsSeedsYield295ArticlesWithoutProblems()
    {
        var items = new List<ReadItem>();
        foreach (string name in new[] { "wikinews_2019.csv", "wikinews_2020.csv" })
            items.AddRange(_reader.Read(SourceFor(RepoPaths.Seeds, name)));
        Assert.Empty(Problems(items));
        Assert.Equal(295, Articles(items).Count);
    }

    /// <summary>The articles of a seed CSV file, enriched as the indexer enriches them.</summary>
    private List<Article> ReadSeedEnriched(string name)
    {
        SourceFile file = SourceFor(RepoPaths.Seeds, name);
        List<Article> articles = Articles(_reader.Read(file));
        foreach (Article a in articles)
            ArticleEnricher.Enrich(a, file);
        return articles;
    }

    [Fact]
    public void WikinewsRecordsMapUrlDateTitleText()
    {
        List<Article> articles = ReadSeedEnriched("wikinews_2019.csv");
        Assert.Equal(171, articles.Count);

        Article first = articles[0];
        Assert.Equal("Magnitogorsk apartment building collapses after explosion, dozens dead", first.Title);
        Assert.Equal("https://en.wikinews.org//wiki/Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead", first.Url);
        Assert.Equal("2019-01-04", first.Published);
        Assert.Equal("en.wikinews.org", first.Source);
        Assert.Equal("wikinews_2019.csv#1", first.Id);
        Assert.Equal(1, first.Record);
        Assert.Equal(2, first.Line);
        // The "Friday, January 4, 2019" dateline paragraph is removed; paragraphs are "\n\n"-separated.
        Assert.StartsWith("An apartment building collapsed on Monday in Magnitogorsk", first.Body);
        Assert.Contains("of \"presumably between 36 and 40 people under the rubble\", while", first.Body);
        Assert.DoesNotContain("\n\n\n", first.Body);

        Assert.All(articles, a => Assert.StartsWith("2019-", a.Published));
        Assert.Equal(Enumerable.Range(1, 171), articles.Select(a => a.Record!.Value));
        Assert.True(articles.Zip(articles.Skip(1)).All(p => p.First.Line < p.Second.Line));
    }

    [Fact]
    public void Wikinews2020DatesAreFrom2020On()
    {
        List<Article> articles = ReadSeedEnriched("wikinews_2020.csv");
        Assert.Equal(124, articles.Count);
        Assert.All(articles, a => Assert.Matches("^202[01]-[01][0-9]-[0-3][0-9]$", a.Published));
    }

    [Theory]
    [InlineData("Titel;Text;Datum;Autor;Rubrik;Quelle", "Hochwasser in Passau;Die Donau stieg über neun Meter.;2024-06-03;Anna Huber;Bayern;BR")]
    [InlineData("Titre;Contenu;Date;Auteur;Rubrique;Source", "Hochwasser in Passau;Die Donau stieg über neun Meter.;2024-06-03;Anna Huber;Bayern;BR")]
    [InlineData("Título;Cuerpo;Fecha;Autor;Sección;Fuente", "Hochwasser in Passau;Die Donau stieg über neun Meter.;2024-06-03;Anna Huber;Bayern;BR")]
    [InlineData("ÜBERSCHRIFT;Inhalt;Veröffentlicht;Verfasser;Ressort;Quelle", "Hochwasser in Passau;Die Donau stieg über neun Meter.;2024-06-03;Anna Huber;Bayern;BR")]
    [InlineData("Заголовок;Текст;Дата;Автор;Рубрика;Источник", "Hochwasser in Passau;Die Donau stieg über neun Meter.;2024-06-03;Anna Huber;Bayern;BR")]
    public void Columns_named_in_the_newsrooms_language_are_read_as_their_fields(string header, string row)
    {
        var article = Assert.Single(Articles(Parse(header + "\n" + row + "\n")));
        Assert.Equal("Hochwasser in Passau", article.Title);
        Assert.Equal("Die Donau stieg über neun Meter.", article.Body);
        Assert.Equal("2024-06-03", article.Published);
        Assert.Equal("Anna Huber", article.Author);
        Assert.Equal("Bayern", article.Section);
        Assert.Equal("BR", article.Source);
    }

    [Fact]
    public void QuotedFieldsWithCommasEscapedQuotesAndLineBreaks()
    {
        var items = Parse("id,title,body\r\nA1,\"Hello, world\",\"He said \"\"hi\"\".\r\n\r\nSecond \"\"para\"\".\"\r\nA2,Plain,Text\r\n");
        List<Article> articles = Articles(items);
        Assert.Equal(2, articles.Count);
        Assert.Equal("A1", articles[0].Id);
        Assert.Equal("Hello, world", articles[0].Title);
        Assert.Equal("He said \"hi\".\n\nSecond \"para\".", articles[0].Body);
        Assert.Equal(2, articles[0].Line);
        Assert.Equal("A2", articles[1].Id);
        Assert.Equal(5, articles[1].Line);
        Assert.Equal(2, articles[1].Record);
    }

    [Fact]
    public void RaggedRowIsSkippedWithItsLineAndReadingGoesOn()
    {
        var items = Parse("title,text\nOne,Body one\nTwo,Body two,extra\n\"Three\",\"multi\nline\"\nFour\nFive,Body five\n");
        Assert.Equal(["One", "Three", "Five"], Articles(items).Select(a => a.Title));
        Assert.Equal([new RecordProblem(3, "expected 2 fields, found 3"), new RecordProblem(6, "expected 2 fields, found 1")], Problems(items));
        // Record numbers count skipped rows, so ids do not shift.
        Assert.Equal(["data/x.csv#1", "data/x.csv#3", "data/x.csv#5"], Articles(items).Select(a => a.Id));
    }

    [Fact]
    public void UnbalancedQuoteCostsOnlyItsRecordAndReadingResumesOnTheNextLine()
    {
        var items = Parse("title,text\nOne,Body one\nTwo,\"Body two never closes\nThree,Body three\n");
        Assert.Equal(["One", "Three"], Articles(items).Select(a => a.Title));
        RecordProblem problem = Assert.Single(Problems(items));
        Assert.Equal(3, problem.Line);
        Assert.Contains("line 3, column 5", problem.Reason);
        Assert.Contains("unbalanced quote", problem.Reason);
        Assert.Contains("resumed on line 4", problem.Reason);
        // The row after the bad one keeps the record number it has once the quote is fixed.
        Assert.Equal(["data/x.csv#1", "data/x.csv#3"], Articles(items).Select(a => a.Id));
    }

    [Fact]
    public void AQuoteClosedLinesLaterBySomeOtherFieldSpoilsOnlyTheLinesInBetween()
    {
        // The stray quote on line 3 is "closed" by the opening quote of line 5's title.
        var items = Parse("id,title,text\n1,One,Body one\n2,\"Two,never closed\n3,Three,Body three\n4,\"Four\",\"Body, four\"\n5,Five,Body five\n");
        Assert.Equal(["One", "Three", "Four", "Five"], Articles(items).Select(a => a.Title));
        RecordProblem problem = Assert.Single(Problems(items));
        Assert.Equal(3, problem.Line);
        Assert.Contains("spoils line 3; reading resumed on line 4", problem.Reason);
    }

    [Fact]
    public void UnbalancedQuoteOnTheLastRecordRunsToTheEnd()
    {
        var items = Parse("title,text\nOne,Body one\nTwo,\"open\n");
        Assert.Equal(["One"], Articles(items).Select(a => a.Title));
        Assert.Contains("runs to the end of the file", Assert.Single(Problems(items)).Reason);
    }

    [Fact]
    public void AQuoteNeverClosedStopsAtTheLongestFieldInsteadOfHoldingTheRestOfTheFile()
    {
        // The field, and the raw text kept to go back to, held the rest of the file (a 150 MB
        // export with one stray quote took 1.7 GB to read); past the longest field read, the
        // quote counts as never closed and reading resumes on the next line.
        string rows = string.Concat(Enumerable.Range(1, 200).Select(i => $"Row {i},Body {i}\n"));
        var csv = new CsvRecordParser(new StringReader("title,body\nFirst,\"opens and never closes\n" + rows), maxQuotedChars: 100);
        Assert.True(csv.Next() && csv.Next());
        Assert.True(csv.Unterminated);
        Assert.InRange(csv.Fields[1].Length, 101, 200);
        csv.ResumeAfterStartLine();
        Assert.True(csv.Next());
        Assert.Equal(3, csv.StartLine);
        Assert.Equal(["Row 1", "Body 1"], csv.Fields);
        int read = 1;
        while (csv.Next())
            read++;
        Assert.Equal(200, read);
    }

    [Fact]
    public void SpreadsheetQuotingAcrossLinesStillReadsAsOneRecord()
    {
        var items = Parse("id,title,text\n1,\"A \"\"quoted\"\" title\",\"line one\nline two, with comma\n\nline four\"\n2,B,b\n");
        Assert.Empty(Problems(items));
        Assert.Equal(["A \"quoted\" title", "B"], Articles(items).Select(a => a.Title));
        Assert.Equal([2, 6], Articles(items).Select(a => a.Line));
    }

    [Theory]
    [InlineData(';', '"')]
    [InlineData('\t', '"')]
    [InlineData(',', '\'')]
    [InlineData(';', '\'')]
    public void DelimiterAndQuoteAreSniffed(char d, char q)
    {
        string csv = $"id{d}title{d}body\n{q}a{d}b{q}{d}First{d}{q}Body one,; here{q}\n2{d}Second{d}{q}Body {q}{q}two{q}{q}\n\nmore{q}\n";
        var items = Parse(csv);
        Assert.Empty(Problems(items));
        var articles = Articles(items);
        Assert.Equal([$"a{d}b", "2"], articles.Select(a => a.Id));
        Assert.Equal(["First", "Second"], articles.Select(a => a.Title));
        Assert.Equal($"Body {q}two{q}\n\nmore", articles[1].Body);
    }

    [Fact]
    public void SemicolonCsvWithBomAndHeaderReadsByItself()
    {
        using var dir = new TempDir();
        SourceFile file = WriteBytes(dir, "export.csv", [0xEF, 0xBB, 0xBF, .. "id;title;body\r\nx1;Zürich;Ein Text, mit Komma\r\nx2;Bern;\"Zwei; Teile\"\r\n"u8]);
        var items = _reader.Read(file).ToList();
        Assert.Empty(Problems(items));
        Assert.Equal(["x1", "x2"], Articles(items).Select(a => a.Id));
        Assert.Equal("Zwei; Teile", Articles(items)[1].Body);
    }

    [Fact]
    public void SepLineDeclaresTheDelimiterAndIsNoRecord()
    {
        // Exports meant for Excel start with "sep=;", which Excel obeys and hides; the file was
        // refused as having no header row.
        using var dir = new TempDir();
        SourceFile file = WriteBytes(dir, "export.csv", "sep=;\r\ntitle;body\r\nZürich;Ein Text, mit Komma\r\nBern;Zweiter, Text\r\nGenf;\"drei\r\n"u8.ToArray());
        var items = _reader.Read(file).ToList();
        Assert.Equal(["Zürich", "Bern"], Articles(items).Select(a => a.Title));
        Assert.Equal("Ein Text, mit Komma", Articles(items)[0].Body);
        Assert.Equal(5, Assert.Single(Problems(items)).Line); // lines still count the sep= line
    }

    [Fact]
    public void ForcedDelimiterAndQuoteOverrideSniffing()
    {
        var file = new SourceFile("/r/x.csv", "x.csv", "/r") { Csv = new CsvSettings { Delimiter = ';', Quote = '"' } };
        var items = CsvArticleReader.Read(new StringReader("title;section\n'A,b';c\n"), file).ToList();
        Article a = Assert.Single(Articles(items));
        Assert.Equal("'A,b'", a.Title);
        Assert.Equal("c", a.Section);
    }

    [Fact]
    public void HeaderlessFileIsRefusedWithItsFirst80CharactersAndHowToNameColumns()
    {
        string line = "Sport;'" + new string('x', 200) + "'";
        RecordProblem problem = Assert.Single(Problems(Parse(line + "\nPolitik;'y'\n")));
        Assert.Equal(1, problem.Line);
        Assert.Contains("--csv-columns", problem.Reason);
        Assert.Contains("\"" + line[..80] + "…\"", problem.Reason);
        Assert.DoesNotContain(new string('x', 100), problem.Reason);
    }

    [Fact]
    public void HeaderlessFileIsReadWithCsvColumnsFromItsFirstLine()
    {
        var file = new SourceFile("/r/x.csv", "x.csv", "/r") { Csv = new CsvSettings { Columns = CsvSettings.ParseColumns("section,body") } };
        var items = CsvArticleReader.Read(new StringReader("Sport;'Der Ball, rund'\nPolitik;'Die Wahl; heute'\n"), file).ToList();
        Assert.Empty(Problems(items));
        var articles = Articles(items);
        Assert.Equal(["Sport", "Politik"], articles.Select(a => a.Section));
        Assert.Equal(["Der Ball, rund", "Die Wahl; heute"], articles.Select(a => a.Body));
        Assert.Equal(["x.csv#1", "x.csv#2"], articles.Select(a => a.Id));
    }

    [Fact]
    public void CsvColumnsNamesAreCheckedAndMustIncludeTitleOrBody()
    {
        Assert.Equal([ArticleField.Id, null, ArticleField.Body], CsvSettings.ParseColumns("id,-,text"));
        Assert.Contains("'label' is not a column name", Assert.Throws<SearchException>(() => CsvSettings.ParseColumns("label,body")).Message);
        Assert.Contains("title or body", Assert.Throws<SearchException>(() => CsvSettings.ParseColumns("id,url")).Message);
    }

    [SharedFact]
    public void GermanNewsCsvWithoutHeaderIndexesAll1028ArticlesWithCsvColumns()
    {
        string path = SharedCorpus.Path("corpora", "multilingual", "de-10kgnad", "test.csv");
        var file = new SourceFile(path, "test.csv", Path.GetDirectoryName(path)!) { Csv = new CsvSettings { Columns = CsvSettings.ParseColumns("section,body") } };
        var items = _reader.Read(file).ToList();
        Assert.Empty(Problems(items));
        var articles = Articles(items);
        Assert.Equal(1028, articles.Count);
        Assert.Equal(9, articles.Select(a => a.Section).Distinct().Count());
        Assert.All(articles, a => Assert.DoesNotContain("';", a.Body));
        // Without --csv-columns the file is refused, showing its start, not the whole first article.
        var refused = Assert.Single(Problems(_reader.Read(file with { Csv = null }).ToList()));
        Assert.True(refused.Reason.Length < 400, refused.Reason);
        Assert.Contains("Wirtschaft;'Die Gewerkschaft", refused.Reason);
    }

    [Fact]
    public void RecordWithNeitherTitleNorBodyIsSkipped()
    {
        var items = Parse("title,text,url\n,,https://x.org/a\nT,,\n");
        Assert.Equal([new RecordProblem(2, "no title or body")], Problems(items));
        Assert.Equal("T", Assert.Single(Articles(items)).Title);
    }

    [Fact]
    public void HeaderNamesAreCaseInsensitiveAliasesAndUnknownColumnsIgnored()
    {
        var items = Parse("Headline,Byline,Category,Keywords,PubDate,Publisher,Link,Places,Views\nH,Jo Bloggs,World,\"a, b\",2020-02-03,BBC,https://bbc.co.uk/x,Paris; Lyon,12\n");
        Article a = Assert.Single(Articles(items));
        Assert.Equal("H", a.Title);
        Assert.Equal("Jo Bloggs", a.Author);
        Assert.Equal("World", a.Section);
        Assert.Equal(["a", "b"], a.Tags);
        Assert.Equal("2020-02-03", a.Published);
        Assert.Equal("BBC", a.Source);
        Assert.Equal("https://bbc.co.uk/x", a.Url);
        Assert.Equal(["Paris", "Lyon"], a.Places);
    }

    [Fact]
    public void HeaderWithoutTitleOrBodyColumnIsReported()
    {
        RecordProblem problem = Assert.Single(Problems(Parse("url,date\n1,2\n")));
        Assert.Equal(1, problem.Line);
        Assert.Contains("no title or body column", problem.Reason);
        // A first line of unknown names may be data: the message says how to name the columns.
        Assert.Contains("--csv-columns", Assert.Single(Problems(Parse("a,b\n1,2\n"))).Reason);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void LineEndingsAndBlankLinesAndMissingFinalNewline(string eol)
    {
        string csv = string.Join(eol, "title,text", "", "A,\"x" + eol + "y\"", "", "B,z");
        var items = Parse(csv);
        Assert.Empty(Problems(items));
        List<Article> articles = Articles(items);
        Assert.Equal(["A", "B"], articles.Select(a => a.Title));
        Assert.Equal("x y", articles[0].Body);
        Assert.Equal([3, 6], articles.Select(a => a.Line));
    }

    [Fact]
    public void LargeFieldsSpanningTheParserBuffer()
    {
        string big = string.Join(' ', Enumerable.Repeat("word,\"\"q\"\"", 20_000));
        var items = Parse("title,text\nT,\"" + big + "\"\nU,v\n");
        List<Article> articles = Articles(items);
        Assert.Equal(2, articles.Count);
        Assert.Equal(big.Replace("\"\"", "\""), articles[0].Body);
        Assert.Equal(3, articles[1].Line);
    }

    [Fact]
    public void ReadsFromDiskWithBomAndEmptyFileYieldsNothing()
    {
        using var dir = new TempDir();
        SourceFile file = WriteBytes(dir, "d/a.csv", [0xEF, 0xBB, 0xBF, .. "Title,Text\nT,B\n"u8]);
        Article a = Assert.Single(Articles(_reader.Read(file)));
        Assert.Equal("d/a.csv#1", a.Id);
        Assert.Equal("d/a.csv", a.File);
        Assert.Empty(_reader.Read(WriteText(dir, "empty.csv", "")));
    }

    [Fact]
    public void A_newsroom_spreadsheet_gives_its_date_byline_tags_and_countries_as_stated()
    {
        // A German desk's export as Excel writes it: semicolons, a long date with the weekday, the
        // agency byline "Von …", keywords joined by semicolons and a country column.
        const string csv = "Titel;Datum;Autor;Text;Schlagwörter;Country\r\n" +
            "Regierung beschließt Paket;Dienstag, 3. Dezember 2024;Von Max Mustermann, dpa;" +
            "Die Regierung hat am Dienstag ein Paket beschlossen.;\"Wirtschaft; Politik|Haushalt\";\"Frankreich; Germany\"\r\n" +
            "Kommission tagt;3. Dezember 2024;von der Leyen, Ursula;Die Kommission tagte.;;\r\n";
        var file = new SourceFile("/r/x.csv", "x.csv", "/r");
        List<Article> articles = Articles(Parse(csv, "x.csv"));
        foreach (Article a in articles)
            ArticleEnricher.Enrich(a, file);

        Assert.Equal("2024-12-03", articles[0].Published);
        Assert.Equal("Max Mustermann, dpa", articles[0].Author);
        Assert.Equal(["Wirtschaft", "Politik", "Haushalt"], articles[0].Tags);
        Assert.Contains("Germany", articles[0].Places);
        Assert.Contains("Frankreich", articles[0].Places);
        Assert.Equal("von der Leyen, Ursula", articles[1].Author); // a name's "von", not a byline's
    }

    [Fact]
    public void A_list_column_saved_by_pandas_is_its_items()
    {
        // newspaper3k's articles put in a DataFrame and saved with to_csv: its list columns are
        // Python's repr. Before, the author was "['Jane Doe', \"Conan O'Brien\"]" and the tags
        // began "['economy'".
        const string csv = "title,text,authors,keywords,publish_date\n" +
            "Budget passes,The budget passed on Tuesday.,\"['Jane Doe', \"\"Conan O'Brien\"\"]\",\"['economy', 'budget, 2025']\",2024-12-03 00:00:00\n" +
            "No byline,Text.,[],[],\n" +
            "A bracketed headline,Text.,[Video] Staff,[1],\n";
        List<Article> articles = Articles(Parse(csv));
        Assert.Equal("Jane Doe, Conan O'Brien", articles[0].Author);
        Assert.Equal(["economy", "budget, 2025"], articles[0].Tags);
        Assert.Null(articles[1].Author);
        Assert.Empty(articles[1].Tags);
        Assert.Equal("[Video] Staff", articles[2].Author); // not a list: its items are not quoted
        Assert.Equal(["[1]"], articles[2].Tags);
    }
}
