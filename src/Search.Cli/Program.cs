using Search.Cli.Rendering;
using Search.Core;
using Search.Core.Indexing.Writing;

namespace Search.Cli;

/// <summary>
/// `search`: parses the command line against the commands of <see cref="CommandTree"/> and runs
/// one. Every failure ends as one line on stderr and an exit status: 0 ok, 1 failure (missing
/// index, unreadable input), 2 bad query or command line, 3 index locked by another process.
/// Set SEARCH_DEBUG=1 to see stack traces.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(args, Output.ForConsole());
    }

    public static int Run(string[] args, Output output)
    {
        try
        {
            return CommandTree.Run(args, output);
        }
        catch (UsageException e)
        {
            output.Error(e.Message);
            return 2;
        }
        catch (SearchException e)
        {
            output.Error(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (DiskFull.Is(e))
        {
            // The index's own writes say this themselves (IndexBuilder); here it is the output
            // redirected to a file, or the sample articles unpacked for a first run.
            try { output.Error($"the disk is full ({DiskFull.SystemMessage(e)}): what this command was writing is incomplete"); }
            catch (IOException) { } // stderr on the same full disk
            return 1;
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
}
