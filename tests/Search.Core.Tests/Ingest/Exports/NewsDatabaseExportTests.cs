using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Exports;

/// <summary>A news database's text export read as its articles, each with the outlet, date, byline
/// and section the database states (through the text reader and enrichment, as `search index` reads it).
/// The samples follow the layouts LexisNexis Academic, Nexis Uni and Factiva write.</summary>
public class NewsDatabaseExportTests
{
    private const string LexisNexis = """

                               1 of 2 DOCUMENTS


                              The Guardian (London)

                           January 8, 2010 Friday
                              Final Edition

Harbour strike ends after three weeks

BYLINE: Maria Jensen

SECTION: GUARDIAN INTERNATIONAL PAGES; Pg. 17

LENGTH: 412 words


Dock workers in Aarhus returned to work on Friday after a three-week strike over pay.

The union said the deal gave members a 4.5 per cent raise over two years.


LOAD-DATE: January 8, 2010

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper

                     Copyright 2010 Guardian Newspapers Limited
                              All Rights Reserved


                               2 of 2 DOCUMENTS


                                The Times (London)

                            January 9, 2010 Saturday

Ports reopen as
dock strike ends

BYLINE: Ole Hansen

SECTION: BUSINESS; Pg. 43

LENGTH: 208 words


Ships queued outside Aarhus as the port reopened on Saturday.


LOAD-DATE: January 9, 2010

LANGUAGE: ENGLISH

                       Copyright 2010 Times Newspapers Limited
""";

    private const string NexisUni = """
Harbour strike ends after three weeks
The Guardian (London)
January 8, 2010 Friday
Final Edition

Copyright 2010 Guardian News and Media Limited All Rights Reserved

Section: WORLD NEWS; Version:2
Length: 412 words
Byline: Maria Jensen in Aarhus
Highlight: Dock workers win a 4.5% raise
Body

Dock workers in Aarhus returned to work on Friday after a three-week strike over pay.

The union said the deal gave members a 4.5 per cent raise over two years.

Classification

Language: ENGLISH

Publication-Type: Newspaper

Subject: STRIKES (92%); LABOR UNIONS (90%); WAGES & SALARIES (78%)

Geographic: AARHUS, DENMARK (79%); DENMARK (92%)

Load-Date: January 8, 2010

End of Document
Ports reopen as dock strike ends
The Times (London)
January 9, 2010 Saturday

Copyright 2010 Times Newspapers Ltd.

Section: BUSINESS; Pg. 43
Length: 208 words
Byline: Ole Hansen
Body

Ships queued outside Aarhus as the port reopened on Saturday.

Load-Date: January 9, 2010

End of Document
""";

    private const string Factiva = """
Harbour strike ends after three weeks
Maria Jensen
412 words
8 January 2010
The Guardian
GRDN
English
(c) 2010 Guardian News & Media Ltd. All rights reserved.

Dock workers in Aarhus returned to work on Friday after a three-week strike over pay.

The union said the deal gave members a 4.5 per cent raise over two years.

Document GRDN000020100108e6180001d

Ports reopen as dock strike ends
208 words
9 January 2010
10:39 GMT
Reuters News
LBA
English
Copyright 2010 Thomson Reuters. All rights reserved.

Ships queued outside Aarhus as the port reopened on Saturday.

Document LBA0000020100109e6190005k
""";

    private static List<Article> Read(string name, string text)
    {
        using var dir = new TempDir();
        SourceFile file = WriteText(dir, name, text);
        var items = new TextArticleReader().Read(file).ToList();
        Assert.All(items, i => Assert.Null(i.Problem));
        var articles = Articles(items);
        foreach (Article a in articles)
            Search.Core.Enrich.ArticleEnricher.Enrich(a, file);
        return articles;
    }

    [Fact]
    public void LexisNexisAcademicGivesEachArticleWithItsOutletDateBylineAndSection()
    {
        var articles = Read("lexis.txt", LexisNexis);
        Assert.Equal(2, articles.Count);
        Article a = articles[0];
        Assert.Equal("lexis.txt#1", a.Id);
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.Equal("The Guardian (London)", a.Source);
        Assert.Equal("2010-01-08", a.Published);
        Assert.Equal("Maria Jensen", a.Author);
        Assert.Equal("guardian international pages", a.Section);
        Assert.Equal("en", a.Language);
        Assert.StartsWith("Dock workers in Aarhus", a.Body);
        Assert.EndsWith("over two years.", a.Body);
        Assert.Equal("Ports reopen as dock strike ends", articles[1].Title);
        Assert.Equal("2010-01-09", articles[1].Published);
        Assert.Equal("Ships queued outside Aarhus as the port reopened on Saturday.", articles[1].Body);
    }

    [Fact]
    public void NexisUniGivesEachArticleWithItsSubjectsAsTagsAndCountriesAsPlaces()
    {
        var articles = Read("nexis.txt", NexisUni);
        Assert.Equal(2, articles.Count);
        Article a = articles[0];
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.Equal("The Guardian (London)", a.Source);
        Assert.Equal("2010-01-08", a.Published);
        Assert.Equal("world news", a.Section);
        Assert.Equal(["STRIKES", "LABOR UNIONS", "WAGES & SALARIES"], a.Tags);
        Assert.Equal(["Denmark"], a.Places);
        Assert.Equal("Dock workers in Aarhus returned to work on Friday after a three-week strike over pay.\n\nThe union said the deal gave members a 4.5 per cent raise over two years.", a.Body);
        Assert.Equal("Ole Hansen", articles[1].Author);
        Assert.Equal("business", articles[1].Section);
    }

    [Fact]
    public void FactivaGivesEachArticleWithoutItsHeadLines()
    {
        var articles = Read("factiva.txt", Factiva);
        Assert.Equal(2, articles.Count);
        Assert.Equal("Harbour strike ends after three weeks", articles[0].Title);
        Assert.Equal("Maria Jensen", articles[0].Author);
        Assert.Equal("The Guardian", articles[0].Source);
        Assert.Equal("2010-01-08", articles[0].Published);
        Assert.StartsWith("Dock workers in Aarhus", articles[0].Body);
        Assert.Null(articles[1].Author);
        Assert.Equal("Reuters News", articles[1].Source);
        Assert.Equal("2010-01-09", articles[1].Published);
        Assert.Equal("Ships queued outside Aarhus as the port reopened on Saturday.", articles[1].Body);
    }

    [Fact]
    public void AFactivaExportSavedAsRtfIsReadAsItsArticles()
    {
        string rtf = "{\\rtf1\\ansi\\deff0 " + string.Concat(Factiva.Split('\n').Select(l => l + "\\par\n")) + "}";
        var articles = ReadDocument("factiva.rtf", System.Text.Encoding.ASCII.GetBytes(rtf));
        Assert.Equal(["factiva.rtf#1", "factiva.rtf#2"], articles.Select(a => a.Id));
        Assert.Equal("Harbour strike ends after three weeks", articles[0].Title);
        Assert.Equal("2010-01-08", articles[0].Published);
        Assert.Equal("Reuters News", articles[1].Source);
    }

    [Fact]
    public void ANexisUniExportSavedAsWordIsReadAsItsArticles()
    {
        var articles = ReadDocument("nexis.docx", Docx(NexisUni.Split('\n').Where(l => l.Length > 0)));
        Assert.Equal(2, articles.Count);
        Assert.Equal("Harbour strike ends after three weeks", articles[0].Title);
        Assert.Equal("The Guardian (London)", articles[0].Source);
        Assert.Equal("Ports reopen as dock strike ends", articles[1].Title);
        Assert.Equal("Ole Hansen", articles[1].Author);
    }

    private static List<Article> ReadDocument(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        SourceFile file = WriteBytes(dir, name, bytes);
        var reader = (IBinaryArticleReader)ReaderRegistry.Default.Resolve(file).Reader!;
        var items = reader.Read(file, bytes).ToList();
        Assert.All(items, i => Assert.Null(i.Problem));
        return Articles(items);
    }

    /// <summary>A Word document of one paragraph a line, as Nexis Uni writes its exports.</summary>
    private static byte[] Docx(IEnumerable<string> paragraphs)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create))
        {
            void Part(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open());
                writer.Write(xml);
            }
            Part("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Part("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Part("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + string.Concat(paragraphs.Select(p => $"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(p)}</w:t></w:r></w:p>")) + "</w:body></w:document>");
        }
        return stream.ToArray();
    }

    [Fact]
    public void AStoryEndingWithTheMarksOfAnExportIsOneArticle()
    {
        var articles = Read("story.txt", "Archive found\n\nThe clerk typed the last line of the file:\n\nEnd of Document\n\nDocument GRDN000020100108e6180001d\n");
        Article a = Assert.Single(articles);
        Assert.Equal("story.txt", a.Id);
        Assert.Equal("Archive found", a.Title);
    }
}
