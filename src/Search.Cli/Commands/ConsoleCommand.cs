using System.CommandLine;
using Search.Cli.Interactive;
using Search.Core;
using Search.Cli.Rendering;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Cli.Commands;

/// <summary>
/// `search console` (and `search` alone): the interactive console. With --samples, builds the
/// index from the sample corpus first when there is none; without, a missing index is an error
/// that says how to build one. With a terminal it edits lines and keeps history; with piped input
/// it reads one query or command per line and prints plain results, for scripts and tests.
/// </summary>
public static class ConsoleCommand
{
    public const string Description = """
        The interactive console (also `search` alone).

        Type words to search, :help for its commands, Ctrl-D to leave. With no index it says how to
        build one; --samples builds it from the sample articles first. With input piped in, it
        reads one query or :command per line and prints plain text.

        Exit status: 0 ok, 1 no index, 2 bad command line, 3 another process is building the missing
        index (--samples).
        """;

    public static Command Create(Output o)
    {
        var index = SharedOptions.Index();
        var samples = SharedOptions.Flag("--samples", "with no index yet, first build it from the sample articles (seeds/)");
        // Words are not a console's business: say how to run them as a query.
        var words = new Argument<string[]>("WORDS") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        words.Validators.Add(r =>
        {
            // `search --limt 5` is a mistyped option, not words to run as `search query --limt 5`.
            if (r.Tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2) is { } option)
                r.AddError($"unknown option {option.Value}");
            else if (r.Tokens.Count > 0)
                r.AddError($"console takes no words; to run a query, use `search query {string.Join(' ', r.Tokens.Select(t => t.Value))}`");
        });
        var command = new Command("console", Description) { index, samples, words };
        command.SetAction(r => Run(o, IndexLocation.Resolve(r.GetValue(index)), r.GetValue(samples)));
        return command;
    }

    /// <summary>The line the console opens with, wrapped at word boundaries to the terminal.</summary>
    public static void Banner(Output o, string index)
    {
        foreach (string line in TextWrap.Wrap($"search · {index} · type words to search, :help for commands, Ctrl-D to leave", o.Width, 0))
            o.Out.WriteLine(line.StartsWith("search ", StringComparison.Ordinal) ? o.Bold("search") + line["search".Length..] : line);
    }

    private static int Run(Output o, string index, bool samples)
    {
        if (!IndexLocation.Exists(index))
        {
            if (!samples && Core.Indexing.Writing.BuildMarker.IsRunning(index))
                throw new SearchException(Core.Indexing.IndexStore.FirstBuildRunning(index));
            if (!samples)
                throw new SearchException($"no index at {index}: build one with `search index PATH --index {index}`, or try the sample articles with `search console --samples --index {index}`");
            string seeds = SeedLocator.Find();
            o.Err.WriteLine($"No index at {index} yet: building it from {seeds} …");
            var progress = new ProgressDisplay(o, quiet: false);
            var summary = IndexCommand.Build(o, new BuildOptions { Roots = new[] { seeds }, IndexPath = index, OnProgress = progress.Report }, progress);
            o.Err.WriteLine($"Indexed {Rendering.Formats.Count(summary.DocumentsInIndex, "article")} in {Rendering.Formats.Seconds(summary.Seconds)}.");
        }
        using var searcher = ArticleSearcher.Open(index);
        if (Core.Indexing.IndexStatus.Read(searcher.IndexPath).Notice is { } notice)
            o.Err.WriteLine("note: " + notice);
        if (o.InputIsTerminal && o.OutputIsTerminal)
        {
            var session = new ConsoleSession(searcher, o);
            Banner(o, index);
            var editor = new LineEditor(LineEditor.DefaultHistoryFile());
            while (!session.Quit && editor.ReadLine(o.Color ? "\u001b[1msearch>\u001b[0m " : "search> ") is { } line)
                session.Execute(line);
        }
        else
        {
            // Scripts: the output of each line in one write, not one write per line of output.
            var batched = o.Batched();
            var session = new ConsoleSession(searcher, batched);
            while (!session.Quit && batched.In.ReadLine() is { } line)
            {
                session.Execute(line);
                batched.Out.Flush();
            }
        }
        return 0;
    }
}
