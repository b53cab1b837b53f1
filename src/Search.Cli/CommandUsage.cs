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
            usage: search console [--index DIR]
                   search [--index DIR]

            The interactive console: type words to search, :help for its commands, Ctrl-D to leave.
            Builds the index from seeds/ first when there is none. With input piped in, it reads one
            query or :command per line and prints plain text.
            """,
        ["index"] = """
            usage: search index [PATH...] [--index DIR] [--rebuild] [--threads N] [--json] [--quiet]
                                [--stemmer porter|kstem|minimal|none] [--no-stopwords] [--commit-seconds N]
                                [--date-order mdy|dmy]

            Indexes folders and files of articles (.txt, .csv, .jsonl/.ndjson, .json); default: seeds/.
            A re-run reads only files that changed and drops articles of files that are gone.
              --rebuild            start from an empty index
              --threads N          reader threads (0 = one per core)
              --json               print the summary as JSON
              --quiet              no progress display
              --stemmer, --no-stopwords   analysis of a new index (a change needs --rebuild)
              --commit-seconds N   commit at least every N seconds (default 10)
              --date-order mdy|dmy how to read 03/04/2021 (month or day first); without it such
                                   dates are left unread (13/04/2021 and 04/13/2021 are always read)
            Exit status: 0 ok, 1 nothing readable or an I/O error, 2 bad command line, 3 index locked.
            """,
        ["query"] = """
            usage: search query QUERY [--index DIR] [--limit N] [--offset N] [--sort relevance|newest|oldest]
                                [--facet DIM]... [--filter DIM=VALUE]... [--facet-limit N] [--any] [--json]

            One query; words are ANDed. Syntax: "phrases", OR, NOT/-word, field:value, wild*, fuzzy~,
            published:2019, published:2019-03, published:>=2020-01-01, published:[2019 TO 2020].
              --limit N        hits to show, 0 to 10000 (default 10)
              --offset N       skip the first N hits
              --facet DIM      count values of source, section, place, year, month, author, tags, links
              --filter D=V     keep only articles with that value (repeat: OR within a dimension)
              --facet-limit N  values per facet (default 10)
              --any            plain keywords, any of which may match (long questions)
              --json           machine-readable output
            Exit status: 0 ok (also with no hits), 1 no index, 2 bad query or command line.
            """,
        ["show"] = """
            usage: search show ID [--index DIR] [--json]

            One article with all its metadata, its body wrapped to the terminal and paged.
            Exit status: 0 ok, 1 no such article or no index, 2 bad command line.
            """,
        ["stats"] = """
            usage: search stats [--index DIR] [--json]

            What is in the index: articles, size, dates, analysis, facet dimensions.
            Exit status: 0 ok, 1 no index.
            """,
        ["eval"] = """
            usage: search eval --queries FILE --qrels FILE [--index DIR] [--depth N] [--per-query] [--json]

            Measures ranking against relevance judgements (TREC qrels): MAP, nDCG@10, P@10, recall.
            Exit status: 0 ok, 1 unreadable files or no index, 2 bad command line.
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
