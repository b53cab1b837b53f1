using Search.Cli.Interactive;
using Search.Core;
using Search.Cli.Rendering;
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
    public static int Run(string[] argv, Output o)
    {
        var args = Args.Parse(argv, new[] { "index" }, new[] { "samples" });
        if (args.Positionals.Count > 0)
            throw new UsageException($"console takes no words; to run a query, use `search query {string.Join(' ', args.Positionals)}`");
        string index = IndexLocation.Resolve(args);
        if (!IndexLocation.Exists(index))
        {
            if (!args.Has("samples"))
                throw new SearchException($"no index at {index}: build one with `search index PATH --index {index}`, or try the sample articles with `search console --samples`");
            string seeds = SeedLocator.Find();
            o.Err.WriteLine($"No index at {index} yet: building it from {seeds} …");
            var summary = IndexCommand.Build(o, new[] { seeds }, index, rebuild: false, threads: 0, analysis: null, commitSeconds: 10, quiet: false);
            o.Err.WriteLine($"Indexed {Rendering.Formats.Count(summary.DocumentsInIndex, "article")} in {Rendering.Formats.Seconds(summary.Seconds)}.");
        }
        using var searcher = ArticleSearcher.Open(index);
        if (Core.Indexing.IndexStatus.Read(searcher.IndexPath).Notice is { } notice)
            o.Err.WriteLine("note: " + notice);
        var session = new ConsoleSession(searcher, o);
        if (o.InputIsTerminal && o.OutputIsTerminal)
        {
            o.Out.WriteLine($"{o.Bold("search")} · {index} · type words to search, :help for commands, Ctrl-D to leave");
            var editor = new LineEditor(LineEditor.DefaultHistoryFile());
            while (!session.Quit && editor.ReadLine(o.Color ? "\u001b[1msearch>\u001b[0m " : "search> ") is { } line)
                session.Execute(line);
        }
        else
        {
            while (!session.Quit && o.In.ReadLine() is { } line)
                session.Execute(line);
        }
        return 0;
    }
}
