using System.CommandLine;
using Search.Cli.Interactive;
using Search.Cli.Rendering;
using Search.Cli.Tests.Support;
using Search.Core.Querying;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>Every command and every console command answers help, and what help says is what the
/// command declares: each option with its description and default, each console command with its
/// arguments and help. A new option or console command is checked without touching this test.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class HelpFromDeclarationTests
{
    private readonly SeedIndexFixture _f;

    public HelpFromDeclarationTests(SeedIndexFixture f) => _f = f;

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Every_command_help_lists_what_its_declaration_holds()
    {
        var root = CommandTree.Build(new Output(TextReader.Null, TextWriter.Null, TextWriter.Null, false, false, false));
        var commands = CommandTree.Commands(root).ToList();
        Assert.Contains(commands, c => c.Name == "duplicates");
        var list = SearchCli.InProcess("help");
        Assert.Equal(0, list.Code);
        Assert.Equal(list.Out, SearchCli.InProcess("--help").Out);
        foreach (var command in commands)
        {
            Assert.Contains(Flat(CommandTree.Summary(command)), Flat(list.Out));
            foreach (string name in command.Aliases.Prepend(command.Name))
            {
                var help = SearchCli.InProcess(name, "--help");
                Assert.True(help.Code == 0, $"{name} --help: exit {help.Code}, {help.Err}");
                Assert.StartsWith($"usage: search {command.Name}", help.Out);
                Assert.Equal(help.Out, SearchCli.InProcess("help", name).Out);
                string text = Flat(help.Out);
                Assert.Contains(Flat(command.Description!.Split("\n\n")[0]), text);
                foreach (var argument in command.Arguments.Where(a => !a.Hidden))
                    Assert.Contains($"{argument.Name} {Flat(argument.Description!)}", text);
                foreach (var option in command.Options)
                {
                    Assert.Contains(option.Name, text);
                    Assert.Contains(Flat(option.Description!), text);
                    if (option.HasDefaultValue && option.ValueType != typeof(bool))
                        Assert.Contains($"{Flat(option.Description!)} (default {option.GetDefaultValue()})", text);
                }
            }
        }
        Assert.Contains("--commit-mb N commit after every N MB of article text indexed", Flat(SearchCli.InProcess("index", "--help").Out));
        Assert.Contains("--commit-seconds N commit at the latest N seconds after the last commit", Flat(SearchCli.InProcess("index", "--help").Out));
        Assert.Contains("(default 32)", SearchCli.InProcess("index", "--help").Out);
        Assert.Contains("porter2", SearchCli.InProcess("index", "--help").Out);
        Assert.Contains("--no-collapse", SearchCli.InProcess("query", "--help").Out);
    }

    [Fact]
    public void Every_console_command_answers_help_from_the_table()
    {
        using var searcher = ArticleSearcher.Open(_f.Index);
        var verbs = new ConsoleSession(searcher, new Output(TextReader.Null, TextWriter.Null, TextWriter.Null, false, false, false)).Verbs;
        Assert.Contains(verbs, v => v.Name == ":related");
        string list = SearchCli.WithInput(":help\n", "console", "--index", _f.Index).Out;
        foreach (var verb in verbs)
        {
            Assert.Contains($"{verb.Usage}", list);
            Assert.Contains(verb.Help, list);
            foreach (string name in verb.Aliases.Prepend(verb.Name))
            {
                var one = SearchCli.WithInput($":help {name}\n", "console", "--index", _f.Index);
                Assert.Equal("", one.Err);
                Assert.Contains(verb.Help, Flat(one.Out));
            }
        }
        Assert.Contains(ConsoleSession.HitRule, list);
    }

    [Fact]
    public void Show_and_related_say_which_article_a_number_means()
    {
        // #N is the Nth hit; a bare number that is no article's id is also the Nth hit, and says so.
        var run = SearchCli.WithInput("kazakh\n:show #1\n:show 1\n:related #1\n:show #7\n", "console", "--index", _f.Index);
        Assert.Contains("2 Kazakhs Killed in Russian Anti-Terror Operation", run.Out);
        Assert.Contains("(no article has the id '1': hit #1 of the last result, 000_9ea3fcf4dd3ee866.txt)", run.Out);
        Assert.Contains("Related to 2 Kazakhs Killed", run.Out);
        Assert.Contains("no hit #7: the last result has 1 hit", run.Err);
    }

    [Fact]
    public void Shell_completion_comes_from_the_declarations()
    {
        // As dotnet-suggest asks: the cursor position, then the command line typed so far.
        var sort = SearchCli.InProcess("[suggest:13]", "query --sort ");
        Assert.Equal(0, sort.Code);
        Assert.Equal(new[] { "newest", "oldest", "relevance" }, sort.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
        Assert.Equal("duplicates", SearchCli.InProcess("[suggest:2]", "du").Out.Trim());
        Assert.Contains("place", SearchCli.InProcess("[suggest:14]", "query --facet ").Out.Split('\n').Select(l => l.Trim()));
    }
}
