namespace Search.Core.Indexing.Writing;

/// <summary>
/// Hands the memory of the writer's flushed in-memory segments back at once. A segment's buffer
/// (Lucene's byte and int block pools, 32 KB arrays that live as long as the segment fills, so the
/// garbage collector has moved them to its oldest generation) becomes garbage when a checkpoint
/// flushes it, and the next buffer fills while the old one waits for a full collection; so between
/// two checkpoints the process held two buffers, and at the end of a build the flushed buffer and
/// the clustering pass's sort arrays together. One full collection right after each flush keeps
/// the peak to one buffer: a 200k build's peak working set no longer grows with the number of
/// checkpoints it makes (docs/performance.md, issue 18 fourth round). It costs one blocking
/// collection per checkpoint, of a heap whose bulk is arrays without references.
/// </summary>
internal static class ReleasedBuffers
{
    public static void Reclaim() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
}
