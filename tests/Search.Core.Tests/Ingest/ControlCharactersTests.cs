using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Querying;
using Search.Core.Snippets;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Ingest;

public sealed class ControlCharactersTests
{
    [Fact]
    public void Escape_sequences_bells_and_markers_go_line_breaks_and_tabs_stay_page_breaks_become_lines()
    {
        Assert.Equal("Red [31mtitle[0m", ControlCharacters.Strip("Red \u001b[31mtitle\u001b[0m"));
        Assert.Equal("]0;pwned and a bell", ControlCharacters.Strip("\u001b]0;pwned\u0007 and a bell\u0007"));
        Assert.Equal("no fake highlight", ControlCharacters.Strip("no \u0002fake\u0003 highlight"));
        Assert.Equal("C1 CSI and DEL", ControlCharacters.Strip("C1 \u009bCSI and DEL\u007f"));
        Assert.Equal("page one\npage two", ControlCharacters.Strip("page one\fpage two"));
        Assert.Equal("a\tb\r\nc\nd", ControlCharacters.Strip("a\tb\r\nc\nd"));
        string clean = "Nothing to remove: é, ё, 漢字, “quotes”.";
        Assert.Same(clean, ControlCharacters.Strip(clean));
    }

    [Fact]
    public void What_a_build_reads_is_stored_and_searched_without_them()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "page.txt"), "Vote \u001b[31mcounted\u001b[0m today\n\nThe \u001b]52;c;ZWNobyBoaQ==\u0007recount\u0007 of the elections ends.\n");
        File.WriteAllText(Path.Combine(root, "rows.csv"), "id,title,body,author\nr1,\"Harbour \u001b[2Jnews\",\"The harbour\u0002 reopened.\",\"Ann\u0007 Lee\"\n");
        string index = Path.Combine(dir.Path, "index");
        RunBuild(new BuildOptions { Roots = [root], IndexPath = index });

        using var searcher = ArticleSearcher.Open(index);
        var page = searcher.Get("page.txt")!;
        Assert.Equal("Vote [31mcounted[0m today", page.Title);
        Assert.Equal("The ]52;c;ZWNobyBoaQ==recount of the elections ends.", page.Body);
        var row = searcher.Get("r1")!;
        Assert.Equal(("Harbour [2Jnews", "The harbour reopened.", "Ann Lee"), (row.Title, row.Body, row.Author));
        var found = searcher.Search(new SearchRequest { Query = "recount elections" });
        var hit = Assert.Single(found.Hits);
        Assert.DoesNotContain(hit.Snippet + hit.Title, c => char.IsControl(c) && c is not (Highlight.Open or Highlight.Close));
    }
}
