using Search.Core.Indexing.Writing;

namespace Search.Core.Indexing;

/// <summary>
/// What readers should be told about an index besides its articles: whether a build is running
/// or was stopped before it finished (readers then answer from the last complete build, or, before
/// the first build completes, from what it committed so far), and what the index is missing (the
/// skipped files and records recorded with the commit readers see).
/// </summary>
/// <param name="BuildPending">A commit newer than the one readers see belongs to an unfinished build.</param>
/// <param name="BuildRunning">A build process is running on the index now.</param>
/// <param name="HasCompleteBuild">Some build has completed (else readers see the first build's partial commit).</param>
/// <param name="Problems">Skipped files and records of the commit readers see.</param>
public sealed record IndexStatus(bool BuildPending, bool BuildRunning, bool HasCompleteBuild, IReadOnlyList<IndexProblem> Problems)
{
    /// <summary>Reads the status of the index at <paramref name="indexPath"/> (which must open).</summary>
    public static IndexStatus Read(string indexPath)
    {
        using var dir = IndexStore.OpenDirectory(indexPath);
        try
        {
            var (commit, pending) = CompleteCommits.Choose(dir);
            bool complete = CompleteCommits.IsComplete(commit.UserData);
            return new IndexStatus(pending, pending && BuildMarker.IsRunning(indexPath), complete, IndexProblems.Load(indexPath, commit.UserData));
        }
        catch (Exception e) when (IndexStore.IsDamage(e) || e is EndOfStreamException)
        {
            // The index opened a moment ago; a status that cannot be read now is no reason to fail a query.
            return new IndexStatus(false, false, true, Array.Empty<IndexProblem>());
        }
    }

    /// <summary>One line for people about an unfinished build, or null when there is none.</summary>
    public string? Notice => !BuildPending ? null
        : HasCompleteBuild
            ? BuildRunning
                ? "a build is in progress: answers come from the last complete build until it finishes"
                : "the last build stopped before it finished: answers come from the last complete build; run `search index` to finish it"
            : BuildRunning
                ? "the first build is in progress: answers cover only what it has committed so far"
                : "the first build stopped before it finished: answers cover only what it committed; run `search index` to finish it";

    /// <summary>State for scripts: "complete", "building", "stopped", "first-build", "first-build-stopped".</summary>
    public string State => !BuildPending ? "complete"
        : HasCompleteBuild ? (BuildRunning ? "building" : "stopped")
        : BuildRunning ? "first-build" : "first-build-stopped";
}
