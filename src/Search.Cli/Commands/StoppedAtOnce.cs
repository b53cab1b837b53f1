using Search.Cli.Rendering;
using Search.Core.Indexing;
using Search.Core.Indexing.Writing;

namespace Search.Cli.Commands;

/// <summary>What `search index` says when Ctrl-C (or SIGTERM) ends it before its last commit is
/// done: what the index keeps, read from the index itself. A first build stopped before its first
/// commit keeps nothing, and was told "the index keeps its last commit" and "work already
/// committed is kept" of an index that held none.</summary>
internal static class StoppedAtOnce
{
    public static IEnumerable<string> Lines(IEnumerable<string> roots, string index, IReadOnlyCollection<string> unfinished)
    {
        string from = string.Join(", ", roots.Select(Path.GetFullPath));
        if (!Committed(index))
        {
            yield return $"Interrupted {from} into {index}: stopped at once, before the build's first commit: no article is indexed yet";
            yield return "Run `search index` again: it starts the build afresh.";
            yield break;
        }
        yield return $"Interrupted {from} into {index}: stopped at once, without waiting for the last commit; the index keeps its last commit";
        if (unfinished.Count > 0)
            yield return $"Unfinished: {string.Join(", ", unfinished.Take(10).Select(TerminalText.Name))}{(unfinished.Count > 10 ? $" and {Formats.N(unfinished.Count - 10)} more" : "")}: what was committed of {(unfinished.Count == 1 ? "it" : "them")} is indexed, and the next `search index` reads the rest.";
        yield return "Run `search index` again to finish: work already committed is kept.";
    }

    private static bool Committed(string index)
    {
        try
        {
            using var dir = IndexStore.OpenDirectory(index);
            return CommitPoints.HasCommit(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // cannot look: say no more than before
        }
    }
}
