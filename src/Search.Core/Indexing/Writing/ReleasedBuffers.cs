namespace Search.Core.Indexing.Writing;

/// <summary>
/// Hands the memory of the writer's flushed in-memory segments back at once. A segment's buffer
/// (Lucene's byte and int block pools, 32 KB arrays that live as long as the segment fills, so the
/// garbage collector has moved them to its oldest generation) becomes garbage when a checkpoint
/// flushes it, and the next buffer fills while the old one waits for a full collection; so between
/// two checkpoints the process held two buffers. One full collection right after each checkpoint
/// that flushed at least a quarter of a `--commit-mb` interval keeps that to one: a 200k build's working set stays at 260–350 MB between checkpoints instead
/// of reaching 410 (docs/performance.md, issue 18 fourth round). It costs one blocking collection
/// per checkpoint, of a heap whose bulk is arrays without references. Not done after the build's
/// last flush: a first version did it there, and a server in the same process (the web tests'
/// in-memory one) then missed the build's commit (LiveIndexTests, 2 runs of 2). That miss was a
/// race in <c>SearcherPool.Refresh</c>, fixed since (a commit still being written was marked as
/// looked at); the collection after the last flush was not measured again.
///
/// The collection is an aggressive one: besides compacting, it hands the memory it frees back
/// to the system at once. A forced collection kept the freed regions committed for the next
/// allocations, and the heap's committed bytes ran 100-200 MB above what was live in a build of
/// several intervals; only builds that checkpoint (more than one interval of text) get here, so a
/// 20,000-article build is unchanged. 100,000 articles, two interleaved pairs: peak 376-378 MB ->
/// 361-363, user CPU level (docs/performance.md, issue 18 eighth stop).
/// </summary>
internal static class ReleasedBuffers
{
    public static void Reclaim() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
