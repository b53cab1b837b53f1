namespace Search.Cli;

/// <summary>
/// The usage text of each command, printed by `search COMMAND --help` (and `search help COMMAND`)
/// before the command itself runs, so every command answers --help the same way. A new command
/// adds its entry here.
/// </summary>
public static class CommandUsage
{
    private static readonly Dictionary<string, string> Entries = new(StringComparer.Ordinal)
    {
        ["console"] = """
            usage: search console [--index DIR] [--samples]
                   search [--index DIR] [--samples]

            The interactive console: type words to search, :help for its commands, Ctrl-D to leave.
            With no index it says how to build one; --samples builds it from the sample articles
            first. With input piped in, it reads one query or :command per line and prints plain text.
            Exit status: 0 ok, 1 no index.
            """,
        ["index"] = """
            usage: search index [PATH...] [--samples] [--index DIR] [--rebuild] [--threads N] [--json] [--quiet]
                                [--stemmer porter|kstem|minimal|none] [--no-stopwords] [--commit-seconds N]
                                [--date-order mdy|dmy] [--csv-columns NAMES] [--csv-delimiter D] [--csv-quote Q]

            Indexes folders and files of articles (.txt, .csv, .jsonl/.ndjson, .json). With no PATH it
            refreshes the folders the index was built from (`search stats` lists them). A re-run reads
            only what changed, record by record, and drops articles of files that are gone.
              --samples            index the sample articles (seeds/)
              --rebuild            start from an empty index
              --threads N          reader threads (0 = one per core)
              --json               print the summary as JSON
              --quiet              no progress display
              --stemmer, --no-stopwords   analysis of a new index (a change needs --rebuild)
              --commit-seconds N   commit at least every N seconds (default 10), inside big files too
              --date-order mdy|dmy how to read 03/04/2021 (month or day first); without it such
                                   dates are left unread (13/04/2021 and 04/13/2021 are always read)
              --csv-columns NAMES  columns of CSV files without a header row, e.g. id,title,body ('-' skips one)
              --csv-delimiter D    comma, semicolon or tab (default: sniffed from each file)
              --csv-quote Q        double or single (default: sniffed from each file)
            Ctrl-C stops at once, keeps what was read, and the next run finishes the rest.
            Exit status: 0 ok, 1 nothing readable, a damaged index or an I/O error, 2 bad command line,
            3 index locked, 130 stopped with Ctrl-C.
            """,
        ["query"] = """
            usage: search query QUERY [--index DIR] [--limit N] [--offset N] [--sort relevance|newest|oldest]
                                [--facet DIM]... [--filter DIM=VALUE]... [--facet-limit N] [--any [--expand]] [--json]

            One query; words are ANDed. Syntax: "phrases", OR, NOT/-word, field:value, wild*, fuzzy~,
            published:2019, published:2019-03, published:>=2020-01-01, published:[2019 TO 2020].
              --limit N        hits to show, 0 to 10000 (default 10)
              --offset N       skip the first N hits
              --facet DIM      count values of source, section, place, year, month, author, tags, links
              --filter D=V     keep only articles with that value (repeat: OR within a dimension)
              --facet-limit N  values per facet (default 10)
              --any            plain keywords, any of which may match (long questions)
              --expand         with --any: add the words that characterise the best hits and search
                               again (RM3 pseudo-relevance feedback)
              --json           machine-readable output
            Exit status: 0 ok (also with no hits), 1 no index, 2 bad query or command line.
            """,
        ["show"] = """
            usage: search show ID [--file FILE] [--index DIR] [--json]

            One article with all its metadata and its file's path, its body wrapped to the terminal
            and paged. When articles of several files share the id, --file FILE picks one.
            Exit status: 0 ok, 1 no such article, an id several files share, or no index, 2 bad command line.
            """,
        ["stats"] = """
            usage: search stats [--index DIR] [--json]

            What is in the index: articles, the folders it was built from, size, dates, analysis,
            facet dimensions.
            Exit status: 0 ok, 1 no index.
            """,
        ["serve"] = Search.Cli.Commands.ServeCommand.Help,
        ["eval"] = Search.Cli.Commands.EvalCommand.Help + "Exit status: 0 ok, 1 unreadable files or no index, 2 bad command line.\n",
        ["check"] = """
            usage: search check [--fix] [--index DIR] [--json]

            Looks for damage (Lucene's CheckIndex: every segment opened, checksums verified) and says
            how many articles a repair would drop. --fix goes back to the previous commit point or
            drops the damaged segments; the next `search index` reads every file again and restores
            what was dropped. The damaged commit file is kept aside, never deleted.
            Exit status: 0 healthy or repaired, 1 damaged.
            """,
        ["help"] = """
            usage: search help [COMMAND]

            The list of commands, or the usage of one.
            """,
    };

    /// <summary>Aliases that share a usage entry.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["q"] = "query" };

    public static IEnumerable<string> Commands => Entries.Keys;

    public static string? For(string command) =>
        Entries.GetValueOrDefault(Aliases.GetValueOrDefault(command, command));

    /// <summary>Whether the arguments after the command ask for help (`--help` or `-h` before any `--`).</summary>
    public static bool AsksForHelp(IEnumerable<string> args)
    {
        foreach (string a in args)
        {
            if (a == "--")
                return false;
            if (a is "--help" or "-h")
                return true;
        }
        return false;
    }
}
