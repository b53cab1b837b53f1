using System.CommandLine;
using Search.Cli.Rendering;

namespace Search.Cli.Commands;

/// <summary>`search help [COMMAND]`: the list of commands, or one command's help (the same text as
/// `search COMMAND --help`, from the command's declaration).</summary>
public static class HelpCommand
{
    private static readonly string[] HelpArgs = ["--help"];

    public static Command Create(Output o, RootCommand root)
    {
        var name = new Argument<string?>("COMMAND")
        {
            Description = "the command to explain",
            Arity = ArgumentArity.ZeroOrOne,
        };
        name.CompletionSources.Add(_ => CommandTree.Commands(root).Select(c => new System.CommandLine.Completions.CompletionItem(c.Name)));
        var command = new Command("help", "The list of commands, or one command's help.\n\nThe same text as `search COMMAND --help`.") { name };
        command.SetAction(r =>
        {
            string? asked = r.GetValue(name);
            if (asked == null)
                return CommandTree.Run(HelpArgs, o);
            var found = root.Subcommands.FirstOrDefault(c => c.Name == asked || c.Aliases.Contains(asked))
                ?? throw new UsageException($"no command '{asked}'; commands are {string.Join(", ", CommandTree.Commands(root).Select(c => c.Name))}");
            return CommandTree.Run(new[] { found.Name, "--help" }, o);
        });
        return command;
    }
}
