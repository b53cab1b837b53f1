using System.Runtime.CompilerServices;
using Search.Core.Indexing;

namespace Search.Core.Facets;

/// <summary>
/// Each article's story as a small number, for counting over every match: -1 for an article
/// printed once, else the index (0, 1, …) of its cluster of copies. Made once per
/// <see cref="ClusterMap"/> (so once per reader) and kept as long as it lives: an array read per
/// match instead of two dictionary look-ups, which made story counting most of a keyword query's
/// time beyond the plain search.
/// </summary>
public sealed class StoryNumbers
{
    private static readonly ConditionalWeakTable<ClusterMap, StoryNumbers> Cache = new();

    private readonly int[] _of;

    private StoryNumbers(int[] of, int clusters)
    {
        _of = of;
        Clusters = clusters;
    }

    /// <summary>Clusters of two or more articles.</summary>
    public int Clusters { get; }

    public static StoryNumbers For(ClusterMap clusters, int maxDoc) => Cache.GetValue(clusters, c => Build(c, maxDoc));

    private static StoryNumbers Build(ClusterMap clusters, int maxDoc)
    {
        var of = new int[maxDoc];
        Array.Fill(of, -1);
        int n = 0;
        foreach (var (_, members) in clusters.Clusters)
        {
            foreach (int doc in members)
                if (doc < of.Length)
                    of[doc] = n;
            n++;
        }
        return new StoryNumbers(of, n);
    }

    /// <summary>The cluster number of top-level <paramref name="doc"/>; -1 when it has no copies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Of(int doc) => (uint)doc < (uint)_of.Length ? _of[doc] : -1;
}
