using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Search.Benchmarks.Speed;

/// <summary>
/// What merging a finished index down to a few segments costs: <c>speed merge-cost INDEX N</c>
/// copies INDEX to a scratch folder, merges the copy to at most N segments and commits, and prints
/// the segments before and after with the wall and CPU time of the merge. The query side's cost per
/// segment (docs/performance.md, "query latency, third round") is the other half of the trade.
/// </summary>
public static class IndexMergeCost
{
    public static int Print(string index, int maxSegments)
    {
        using (var source = System.IO.Directory.Exists(index) ? FSDirectory.Open(index) : null)
        {
            if (source == null || !DirectoryReader.IndexExists(source))
            {
                Console.Error.WriteLine($"speed merge-cost: {index}: no Lucene index there");
                return 2;
            }
        }
        string copy = Path.Combine(Path.GetTempPath(), "search-merge-cost-" + Environment.ProcessId);
        System.IO.Directory.CreateDirectory(copy);
        try
        {
            foreach (string file in System.IO.Directory.GetFiles(index))
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            using var dir = FSDirectory.Open(copy);
            int before = SegmentCount(dir);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, null)
            {
                OpenMode = OpenMode.APPEND,
                // The codec a build merges with: a merge of our segments copies their compressed
                // stored-field chunks, a merge of an earlier version's (LZ4) inflates and deflates them.
                Codec = Lucene.Net.Codecs.Codec.ForName(Search.Core.Indexing.Storage.SearchCodec.Name),
            }))
            {
                writer.ForceMerge(maxSegments);
                writer.Commit();
            }
            clock.Stop();
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            long bytes = System.IO.Directory.GetFiles(copy).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"segments {before} -> {SegmentCount(dir)}: {clock.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU, index {bytes / 1e6:F1} MB after");
            return 0;
        }
        finally
        {
            System.IO.Directory.Delete(copy, recursive: true);
        }
    }

    private static int SegmentCount(Lucene.Net.Store.Directory dir)
    {
        var infos = new SegmentInfos();
        infos.Read(dir);
        return infos.Count;
    }
}
