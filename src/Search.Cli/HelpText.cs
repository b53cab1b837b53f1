using System.CommandLine;
using System.CommandLine.Invocation;
using Search.Cli.Rendering;

namespace Search.Cli;

/// <summary>
/// `--help` (and `search help COMMAND`): a command's help written from its declaration: usage from
/// its arguments and options, its description, then each argument and option with its description
/// and default. Wrapped at word boundaries to the terminal (100 columns when redirected). The list
/// of commands shows each one's first line.
/// </summary>
public sealed class HelpText : SynchronousCommandLineAction
{
    /// <summary>Width of help when not on a terminal.</summary>
    public const int RedirectedWidth = 100;

    private readonly Output _o;

    public HelpText(Output o) => _o = o;

    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command);
        return 0;
    }

    public void Write(Command command)
    {
        int width = _o.Width >= TextWrap.MinWidth ? _o.Width : RedirectedWidth;
        var w = _o.Out;
        foreach (string line in TextWrap.Wrap(Usage(command), width, 0))
            w.WriteLine(line);
        w.WriteLine();
        foreach (string paragraph in Paragraphs(command.Description))
        {
            foreach (string line in TextWrap.Wrap(paragraph, width, 0))
                w.WriteLine(line);
            w.WriteLine();
        }
        var rows = new List<(string Name, string Text)>();
        if (command is RootCommand)
        {
            Table(w, "commands:", command.Subcommands.Where(c => !c.Hidden)
                .Select(c => (c.Name + string.Concat(c.Aliases.Select(a => ", " + a)), CommandTree.Summary(c))).ToList(), width);
        }
        var arguments = command.Arguments.Where(a => !a.Hidden).Select(a => (a.Name, a.Description ?? "")).ToList();
        if (arguments.Count > 0)
            Table(w, "arguments:", arguments, width);
        Table(w, "options:", OptionsOf(command).Select(o => (Label(o), Text(o))).ToList(), width);
    }

    /// <summary>The command's own options, then the inherited ones (--help), each once.</summary>
    private static IEnumerable<Option> OptionsOf(Command command)
    {
        var seen = new HashSet<Option>();
        for (Command? c = command; c != null; c = c.Parents.OfType<Command>().FirstOrDefault())
            foreach (var option in c.Options.Where(o => !o.Hidden && (c == command || o.Recursive)))
                if (seen.Add(option))
                    yield return option;
    }

    private static string Usage(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c != null; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c is RootCommand ? "search" : c.Name);
        // A HelpName is the argument's usage as its declaration wants it shown (an id checked by the
        // command, say); otherwise [NAME] when it may be left out, NAME... when it repeats.
        string arguments = string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a =>
            a.HelpName is { } shown ? " " + shown
            : a.Arity.MinimumNumberOfValues == 0 ? $" [{a.Name}{(a.Arity.MaximumNumberOfValues > 1 ? "..." : "")}]"
            : $" {a.Name}{(a.Arity.MaximumNumberOfValues > 1 ? "..." : "")}"));
        string subcommand = command.Subcommands.Count > 0 ? " [COMMAND]" : "";
        return $"usage: {string.Join(' ', names)}{subcommand}{arguments} [options]";
    }

    /// <summary>The description's paragraphs (blank-line separated), each joined into one line to be
    /// wrapped to the width at hand.</summary>
    private static IEnumerable<string> Paragraphs(string? description) =>
        (description ?? "").Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries)));

    private static string Label(Option option)
    {
        string names = string.Join(", ", option.Aliases.Order(StringComparer.Ordinal).Append(option.Name));
        return option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0 ? names : $"{names} {option.HelpName ?? "VALUE"}";
    }

    private static string Text(Option option)
    {
        string text = option.Description ?? "";
        if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value)
            text += $" (default {value})";
        return text;
    }

    private static void Table(TextWriter w, string title, IReadOnlyList<(string Name, string Text)> rows, int width)
    {
        if (rows.Count == 0)
            return;
        w.WriteLine(title);
        Columns.Write(w, rows, width);
        w.WriteLine();
    }
}
