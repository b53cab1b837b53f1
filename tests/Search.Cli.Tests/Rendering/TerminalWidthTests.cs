using System.Text.RegularExpressions;
using Search.Cli.Commands;
using Search.Cli.Rendering;
using Search.Cli.Tests.Support;
using Search.Core.Indexing;
using Xunit;

namespace Search.Cli.Tests.Rendering;

/// <summary>No line the CLI or the console prints is wider than the terminal, at 40, 80 and 100
/// columns, counted in terminal cells; the progress line never reaches the last column, so it
/// never wraps and leaves no trail of lines behind its redraws.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed partial class TerminalWidthTests
{
    public static readonly TheoryData<int> Widths = new() { 40, 80, 100 };

    private readonly SeedIndexFixture _f;

    public TerminalWidthTests(SeedIndexFixture f) => _f = f;

    private static void AssertFits(string output, int width, string what)
    {
        foreach (string raw in output.Split('\n'))
        {
            string line = Ansi().Replace(raw.TrimEnd('\r'), "");
            if (line.StartsWith("http", StringComparison.Ordinal)) // a cited URL is never cut, so it can be copied
                continue;
            Assert.True(Cells.Of(line) <= width, $"{what}: {Cells.Of(line)} cells > {width}: '{line}'");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Console_help_stats_results_and_articles_fit(int width)
    {
        string script = string.Join('\n', ":help", ":help :show", ":stats", "government", ":show #1", ":related #1", ":facet place",
            ":filter place=Russia", ":filters", ":show 2", ":bogus",
            "government AND (elections OR parliament OR \"prime minister\" OR coalition talks OR budget vote) AND title:(", "climate") + "\n";
        foreach (bool color in new[] { false, true })
        {
            var run = SearchCli.Terminal(width, color, script, "console", "--index", _f.Index);
            Assert.Equal(0, run.Code);
            AssertFits(run.Out, width, "console");
            AssertFits(run.Err, width, "console errors");
            Assert.Contains("^", run.Err);
            Assert.Contains(":show, :s #N|ID", run.Out);
        }
        var banner = new StringWriter();
        ConsoleCommand.Banner(new Output(TextReader.Null, banner, TextWriter.Null, true, true, true, width, false), Path.Combine(_f.Dir, "a-rather-long-folder-name", "index"));
        AssertFits(banner.ToString(), width, "banner");
        Assert.Contains(":help for commands", banner.ToString().Replace("\n", " "));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Build_summary_and_every_help_fit(int width)
    {
        string index = Path.Combine(_f.Dir, $"width-{width}");
        var build = SearchCli.Terminal(width, false, "", "index", RepoPaths.Seeds, "--index", index, "--quiet");
        Assert.Equal(0, build.Code);
        AssertFits(build.Out, width, "index summary");
        Assert.Contains("files:", build.Out);
        var root = CommandTree.Build(new Output(TextReader.Null, TextWriter.Null, TextWriter.Null, false, false, false));
        foreach (string command in CommandTree.Commands(root).Select(c => c.Name).Prepend(""))
        {
            var help = SearchCli.Terminal(width, false, "", command.Length == 0 ? new[] { "--help" } : new[] { command, "--help" });
            Assert.Equal(0, help.Code);
            AssertFits(help.Out, width, $"{command} --help");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Progress_redraws_stay_on_one_line(int width)
    {
        var err = new StringWriter();
        var output = new Output(TextReader.Null, TextWriter.Null, err, false, false, errorIsTerminal: true, width: width);
        var progress = new ProgressDisplay(output, quiet: false);
        // Figures as wide as a big build shows them: six-digit file counts, gigabytes, ETA in hours.
        for (int i = 1; i <= 5; i++)
            progress.Report(new BuildProgress(i * 123_456, 654_321, i * 1_234_567_890L, 9_876_543_210L, i * 1_234_567_890L, i * 2_345_678,
                TimeSpan.FromSeconds(i * 60)));
        progress.Done();
        string drawn = err.ToString();
        Assert.DoesNotContain("\n", drawn);
        var redraws = drawn.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Replace("\u001b[K", "")).Where(r => r.Length > 0).ToList();
        Assert.Equal(5, redraws.Count);
        Assert.All(redraws, r => Assert.True(Cells.Of(r) < width, $"{Cells.Of(r)} cells >= {width}: '{r}'"));
        Assert.All(redraws, r => Assert.Contains("files", r));
        if (width >= 80)
            Assert.All(redraws, r => Assert.Contains("ETA", r));
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Ansi();
}
