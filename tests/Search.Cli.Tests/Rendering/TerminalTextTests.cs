using Search.Cli.Rendering;
using Search.Core.Snippets;
using Xunit;

namespace Search.Cli.Tests.Rendering;

/// <summary>Text from the index never carries a control character to the terminal.</summary>
public sealed class TerminalTextTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Control_characters_show_as_marks_line_breaks_tabs_and_highlights_stay()
    {
        Assert.Equal("␛[2Jtitle␇", TerminalText.Safe("\u001b[2Jtitle\u0007"));
        Assert.Equal("a\tb\nc\n", TerminalText.Safe("a\tb\r\nc\n"));
        Assert.Equal("one␍two", TerminalText.Safe("one\rtwo"));
        Assert.Equal("C1 \uFFFD and DEL \u2421", TerminalText.Safe("C1 \u009b and DEL \u007f"));
        string marked = $"the {Highlight.Open}vote{Highlight.Close} count";
        Assert.Same(marked, TerminalText.Safe(marked));
    }

    [Fact]
    public void A_file_name_with_an_escape_sequence_is_shown_not_obeyed()
    {
        string root = Path.Combine(_tmp.Path, "archive");
        Directory.CreateDirectory(root);
        string name = "recount\u001b]0;pwned\u0007.txt";
        File.WriteAllText(Path.Combine(root, name), "Recount ordered\n\nThe recount of the ballots starts on Monday.\n");
        File.WriteAllText(Path.Combine(root, "notes\u001b[2J.md"), "not an article");
        string index = Path.Combine(_tmp.Path, "index");

        var built = SearchCli.InProcess("index", root, "--index", index);
        Assert.Equal(0, built.Code);
        Assert.Contains("notes␛[2J.md", built.Out);
        var found = SearchCli.InProcess("query", "recount", "--index", index);
        Assert.Equal(0, found.Code);
        Assert.Contains("recount␛]0;pwned␇.txt", found.Out);
        Assert.DoesNotContain('\u001b', built.Out + found.Out);
        Assert.DoesNotContain('\u0007', built.Out + found.Out);
    }

    /// <summary>Unix allows a line break in a file name: it was printed as two lines, the second
    /// looking like the next item.</summary>
    [Fact]
    public void A_file_name_with_a_line_break_is_shown_on_one_line()
    {
        if (OperatingSystem.IsWindows())
            return; // Windows file names cannot hold one
        string root = Path.Combine(_tmp.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "recount\nreport.txt"), "Recount ordered\n\nThe recount of the ballots starts on Monday.\n");
        File.WriteAllText(Path.Combine(root, "notes\nfor me.md"), "not an article");
        File.WriteAllText(Path.Combine(root, "empty\ttab.txt"), "");
        string index = Path.Combine(_tmp.Path, "index");

        var built = SearchCli.InProcess("index", root, "--index", index);
        Assert.Equal(0, built.Code);
        Assert.Contains("\n  notes␊for me.md\n", built.Out);
        Assert.Contains("\n  empty␉tab.txt: empty file\n", built.Out);
        var found = SearchCli.InProcess("query", "recount", "--index", index);
        Assert.Contains("recount␊report.txt\n", found.Out);
        var shown = SearchCli.InProcess("show", "recount\nreport.txt", "--index", index);
        Assert.Contains("recount␊report.txt", shown.Out);
        Assert.Equal("a␊b␉c␛", TerminalText.Name("a\nb\tc\u001b"));
    }
}
