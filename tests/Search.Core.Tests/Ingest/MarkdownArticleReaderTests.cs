using Search.Core.Ingest;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

/// <summary>A static site's articles kept as Markdown, as Hugo and Jekyll write them, read as
/// `search index` reads them (through the registry's choice and enrichment).</summary>
public class MarkdownArticleReaderTests
{
    private const string Hugo = """
        ---
        title: "Harbour strike ends after three weeks"
        date: 2024-03-15T10:39:00+01:00
        draft: false
        author:
          name: Maria Jensen
        categories: ["Business"]
        tags:
          - strikes
          - ports
        description: >
          Dock workers in Aarhus return
          after a deal on pay.
        ---

        Dock workers in **Aarhus** returned to work on Friday after a [three-week strike](https://example.com/strike) over pay.
        The union said the deal gave members a 4.5 per cent raise.

        {{< tweet user="union" id="123" >}}

        ## What the deal says

        - a raise of 4.5 per cent over two years
        - no change to shift_pattern rules

        ![The port at dawn](/img/port.jpg)
        > "We held out," said the union's *chair*.
        """;

    private readonly MarkdownArticleReader _reader = new();

    [Fact]
    public void FrontMatterGivesTheFieldsAndMarkdownTheText()
    {
        Article a = ReadOneText(_reader, "posts/strike.md", Hugo);
        Assert.Equal("Harbour strike ends after three weeks", a.Title);
        Assert.Equal("2024-03-15", a.Published);
        Assert.Equal("Maria Jensen", a.Author);
        Assert.Equal("business", a.Section);
        Assert.Equal(["Business", "strikes", "ports"], a.Tags);
        Assert.Equal(
            "Dock workers in Aarhus returned to work on Friday after a three-week strike over pay. The union said the deal gave members a 4.5 per cent raise.\n\n" +
            "What the deal says\n\na raise of 4.5 per cent over two years\n\nno change to shift_pattern rules\n\n\"We held out,\" said the union's chair.",
            a.Body);
    }

    [Fact]
    public void WithoutATitleInTheFrontMatterTheFirstHeadingIsTheTitle()
    {
        Article a = ReadOneText(_reader, "b.md", "+++\ndate = \"2024-03-15\"\ntags = [\"ports\"]\n+++\n# Ports *reopen*\n\nShips queued outside Aarhus.\n");
        Assert.Equal("Ports reopen", a.Title);
        Assert.Equal("2024-03-15", a.Published);
        Assert.Equal("Ships queued outside Aarhus.", a.Body);
    }

    [Fact]
    public void TagsWrittenAsOneStringAreEachATagAsInACsv()
    {
        // Jekyll and Ghost exports write "tags: a, b" as often as a list; before, it was one tag
        // "économie, politique". A quoted item of a list keeps its commas.
        Article a = ReadOneText(_reader, "c.md",
            "---\ntitle: Mesures\ntags: économie, politique\nplaces: FR; BE\nkeywords: [\"Washington, D.C.\", 'Rock ''n'' roll', plain]\n---\n\nLe gouvernement a annoncé des mesures.\n");
        Assert.Equal(["économie", "politique", "Washington, D.C.", "Rock 'n' roll", "plain"], a.Tags);
        Assert.Equal(["France", "Belgium"], a.Places); // stated as ISO codes
    }

    [Fact]
    public void AMarkdownFileWithoutFrontMatterIsNoArticle()
    {
        Assert.Equal(FileDisposition.Ignored, ReaderRegistry.Default.Resolve("NOTICE.md", "# Notice\n\nThese files are licensed…"u8).Disposition);
        Assert.IsType<MarkdownArticleReader>(ReaderRegistry.Default.Resolve("post.md", "---\ntitle: x\n---\n"u8).Reader);
    }

    [Fact]
    public void AnUnclosedFrontMatterIsText()
    {
        var entries = FrontMatter.Read(["---", "title: x", "no closing fence"], out int start);
        Assert.Empty(entries);
        Assert.Equal(0, start);
    }
}
