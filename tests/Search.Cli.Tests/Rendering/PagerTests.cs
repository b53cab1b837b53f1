using Search.Cli.Rendering;
using Search.Cli.Tests.Support;
using Search.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Rendering;

/// <summary>`search show` on a terminal shorter than the article goes through $PAGER. A pager that
/// cannot be started or fails at once (PAGER=false, a misspelt name) used to leave the screen
/// empty; the text is now written here after a one-line note. Sets PAGER in this process: no other
/// test reaches the pager (their output is never a terminal).</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class PagerTests(SeedIndexFixture f)
{
    private const string Seed = "000_9ea3fcf4dd3ee866.txt";

    [Theory]
    [InlineData("/nonexistent/pager", "could not be started")]
    [InlineData("no-such-pager-here -R", "could not be started")]
    [InlineData("false", "failed (exit status 1)")]
    public void A_pager_that_cannot_show_the_article_leaves_it_on_the_screen_with_a_note(string pager, string what)
    {
        var run = ShowOnTerminal(pager);
        Assert.Equal(0, run.Code);
        Assert.Equal(Unpaged(), run.Out);
        // One message (wrapped under itself at 80 columns, as every error on a terminal).
        Assert.Equal($"search: pager '{pager}' {what}; showing the text here", string.Join(" ", run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }

    [Fact]
    public void A_working_pager_gets_the_whole_article_and_nothing_is_written_beside_it()
    {
        using var dir = new TempDir();
        string received = Path.Combine(dir.Path, "paged.txt");
        var run = ShowOnTerminal($"cat > '{received}'");
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Out);
        Assert.Equal("", run.Err);
        Assert.Equal(Unpaged(), File.ReadAllText(received));
    }

    /// <summary>`search show` as on an 80×10 terminal without colour, with PAGER set for the call.</summary>
    private SearchCli.Run ShowOnTerminal(string pager)
    {
        string? before = Environment.GetEnvironmentVariable("PAGER");
        Environment.SetEnvironmentVariable("PAGER", pager);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var terminal = new Output(new StringReader(""), output, error, inputIsTerminal: true, outputIsTerminal: true, errorIsTerminal: false,
                width: 80, color: false, height: 10);
            int code = Program.Run(["show", Seed, "--index", f.Index], terminal);
            return new SearchCli.Run(code, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PAGER", before);
        }
    }

    /// <summary>The article as printed at 80 columns when not paged; longer than the 10 rows, so paged on them.</summary>
    private string Unpaged()
    {
        var plain = SearchCli.Terminal(80, false, "", "show", Seed, "--index", f.Index);
        Assert.Equal(0, plain.Code);
        Assert.True(plain.Out.Split('\n').Length > 20, "the article fits the terminal: nothing would be paged");
        return plain.Out;
    }
}
