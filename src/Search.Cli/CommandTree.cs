using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Search.Cli.Commands;
using Search.Cli.Rendering;

namespace Search.Cli;

/// <summary>
/// The commands of `search`, declared with System.CommandLine: each command file declares its
/// options once (description, default, validation), and help, errors and shell completion (the
/// `[suggest]` directive of dotnet-suggest) come from those declarations. Conventions kept from
/// the hand-written parser: a word starting with a single '-' is a word (`search query -russia`
/// negates), `search` alone or `search --index DIR` opens the console, a bad command line is one
/// line on stderr and exit status 2.
/// </summary>
public static class CommandTree
{
    public const string Overview = """
        search: full-text search for news archives.

        `search` alone opens the console on the index (`search --samples` first builds it from the
        sample articles). The index is --index DIR, else $SEARCH_INDEX, else ./index.
        `search help COMMAND` or `search COMMAND --help` shows one command's options.
        """;

    private static readonly ParserConfiguration Parsing = new()
    {
        // `-russia` is a negated word, never the flags -r -u -s ...; `@file` is a word too.
        EnablePosixBundling = false,
        ResponseFileTokenReplacer = null,
    };

    /// <summary>The root command with every command under it, in the order help lists them.</summary>
    public static RootCommand Build(Output o)
    {
        var root = new RootCommand(Overview);
        Command[] commands =
        {
            ConsoleCommand.Create(o),
            IndexCommand.Create(o),
            QueryCommand.Create(o),
            ShowCommand.Create(o),
            RelatedCommand.Create(o),
            DuplicatesCommand.Create(o),
            StatsCommand.Create(o),
            ServeCommand.Create(o),
            CheckCommand.Create(o),
            EvalCommand.Create(o),
            HelpCommand.Create(o, root),
        };
        foreach (var command in commands)
            root.Subcommands.Add(command);
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new HelpText(o);
                help.Description = "this help";
                // `/h`, `/?` and `-?` are words (a query may hold them); -h and --help ask for help.
                foreach (string alias in help.Aliases.Where(a => a is not "-h").ToList())
                    help.Aliases.Remove(alias);
            }
            else if (option is VersionOption version)
                version.Description = "the program's version";
        }
        return root;
    }

    /// <summary>The first line of a command's description.</summary>
    public static string Summary(Command command) => (command.Description ?? "").Split('\n')[0].Trim();

    /// <summary>Every command, aliases and hidden ones excluded.</summary>
    public static IEnumerable<Command> Commands(RootCommand root) => root.Subcommands.Where(c => !c.Hidden);

    public static int Run(string[] args, Output o)
    {
        var root = Build(o);
        // `search` alone and `search --index DIR` open the console.
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version")))
            args = args.Prepend("console").ToArray();
        var parse = root.Parse(args, Parsing);
        if (parse.Action is not HelpText)
        {
            string? error = parse.Errors.Count > 0 ? UnknownCommand(parse, root) ?? ExtraWords(parse) ?? parse.Errors[0].Message : UnknownOption(parse);
            if (error != null)
            {
                string name = parse.CommandResult.Command is RootCommand ? "" : " " + parse.CommandResult.Command.Name;
                throw new UsageException($"{error.TrimEnd('.')} (see `search help{name}`)");
            }
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = o.Out,
            Error = o.Err,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
    }

    /// <summary>A first word that names no command (`search qeury russia`), when the parse failed:
    /// System.CommandLine would say "Required command was not provided", which names neither the
    /// word nor the commands. (Directives such as `[suggest:N]` leave their words unmatched too.)</summary>
    private static string? UnknownCommand(ParseResult parse, RootCommand root)
    {
        if (parse.CommandResult.Command is not RootCommand || parse.UnmatchedTokens.Count == 0)
            return null;
        string word = parse.UnmatchedTokens[0];
        return $"no command '{word}'; commands are {string.Join(", ", Commands(root).Select(c => c.Name))}";
    }

    /// <summary>Words a command does not take (`search show a b`, `search stats x`, `search stats
    /// --bogus`): System.CommandLine said "Unrecognized command or argument 'b'".</summary>
    private static string? ExtraWords(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command is RootCommand || parse.UnmatchedTokens.Count == 0)
            return null;
        string first = parse.UnmatchedTokens[0];
        if (first.Length > 1 && first.StartsWith('-'))
            return $"unknown option {first}";
        var given = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)
            .Concat(parse.UnmatchedTokens.Where(t => !t.StartsWith('-')));
        string words = string.Join(' ', given);
        if (command.Arguments.Count == 0)
            return $"{command.Name} takes no words, not '{words}'";
        var takes = command.Arguments.Select(a => a.HelpName == "ID" ? "article id" : a.HelpName ?? a.Name);
        string hint = command.Arguments.Any(a => a.HelpName == "ID") ? "; quote an id that has spaces" : "";
        return $"{command.Name} takes one {string.Join(" and one ", takes)}, not '{words}'{hint}";
    }

    /// <summary>A `--word` the command does not know, taken as a positional word by the parser: an
    /// error (`--limt 5` is a typo, not two query words). After `--`, anything is a word.</summary>
    private static string? UnknownOption(ParseResult parse)
    {
        var positional = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
                return null;
            if (positional.Contains(token) && token.Value.StartsWith("--", StringComparison.Ordinal) && token.Value.Length > 2)
                return $"unknown option {token.Value}";
        }
        return null;
    }
}

