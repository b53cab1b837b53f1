using Search.Cli.Commands;
using Search.Cli.Rendering;
using Search.Core;

namespace Search.Cli;

/// <summary>
/// `search`: dispatches to one command per file under Commands/. Every failure ends as one line on
/// stderr and an exit status: 0 ok, 1 failure (missing index, unreadable input), 2 bad query or
/// command line, 3 index locked by another process. Set SEARCH_DEBUG=1 to see stack traces.
/// </summary>
public static class Program
{
    public const string Usage = """
        search — full-text search for news archives

        usage:
          search                                  open the console on ./index
          search [--index DIR] [--samples]        the console on that index (also: search console ...);
                                                  --samples: first build it from the sample articles
          search index [PATH...] [--samples] [--index DIR] [--rebuild] [--threads N] [--json]
                             [--stemmer porter2|porter|kstem|minimal|none] [--no-stopwords] [--commit-seconds N]
                             [--date-order mdy|dmy]
                                                  index folders/files of articles (no PATH: refresh the
                                                  folders the index was built from)
          search check [--fix] [--json]           find damage in the index; --fix repairs it
          search query QUERY [--limit N] [--offset N] [--sort relevance|newest|oldest]
                             [--facet DIM]... [--filter DIM=VALUE]... [--facet-limit N] [--any [--expand]] [--no-collapse] [--json]
          search related ID [--limit N] [--json]  articles like this one, its copies left out
          search duplicates [--limit N] [--json]  stories the index holds more than once, with their copies
          search show ID [--file FILE] [--json]   one article with all its metadata
          search stats [--json]                   what is in the index
          search serve [--port N] [--host ADDR] [--cors ORIGIN]
                                                  a web page and a JSON API on the index (127.0.0.1)
          search eval [DIR] [--queries FILE] [--qrels FILE] [--run FILE] [--depth N] [--per-query] [--json]
                                                  measure ranking (or a TREC run) against relevance judgements
          search help [COMMAND]                   this text, or one command's usage (also: search COMMAND --help)

        The index is --index DIR, else $SEARCH_INDEX, else ./index.
        """;

    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(args, Output.ForConsole());
    }

    public static int Run(string[] args, Output output)
    {
        try
        {
            // `search` alone and `search --index DIR` open the console.
            bool console = args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version"));
            string command = console ? "console" : args[0];
            string[] rest = console ? args : args[1..];
            if (CommandUsage.For(command) is { } usage && command != "help" && CommandUsage.AsksForHelp(rest))
            {
                output.Out.WriteLine(usage.TrimEnd());
                return 0;
            }
            return command switch
            {
                "index" => IndexCommand.Run(rest, output),
                "query" or "q" => QueryCommand.Run(rest, output),
                "show" => ShowCommand.Run(rest, output),
                "related" => RelatedCommand.Run(rest, output),
                "duplicates" => DuplicatesCommand.Run(rest, output),
                "stats" => StatsCommand.Run(rest, output),
                "serve" => ServeCommand.Run(rest, output),
                "console" => ConsoleCommand.Run(rest, output),
                "check" => CheckCommand.Run(rest, output),
                "eval" => EvalCommand.Run(rest, output),
                "help" or "--help" or "-h" => Help(output, rest),
                "--version" or "version" => Version(output),
                _ => throw new UsageException($"unknown command '{command}'"),
            };
        }
        catch (UsageException e)
        {
            output.Error($"{e.Message} (see `search help`)");
            return 2;
        }
        catch (SearchException e)
        {
            output.Error(e.Message);
            return e.ExitCode;
        }
        catch (Exception e)
        {
            // Reaching here is a bug; still one line, never a stack trace unless asked for.
            output.Error($"unexpected error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("SEARCH_DEBUG") is { Length: > 0 })
                output.Err.WriteLine(e);
            return 1;
        }
    }

    private static int Help(Output o, string[] rest)
    {
        if (rest.Length > 0)
        {
            string usage = CommandUsage.For(rest[0]) ?? throw new UsageException($"no command '{rest[0]}'; commands are {string.Join(", ", CommandUsage.Commands)}");
            o.Out.WriteLine(usage.TrimEnd());
            return 0;
        }
        o.Out.WriteLine(Usage);
        return 0;
    }

    private static int Version(Output o)
    {
        o.Out.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        return 0;
    }
}
