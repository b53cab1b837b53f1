using System.Runtime.CompilerServices;
using Search.Core.Indexing.Writing;

namespace Search.Core.Indexing;

/// <summary>
/// The duplicate clusters of one index reader, for query time: each live article's cluster key,
/// and the members of every cluster of two or more. Read once per reader from the numeric doc
/// values (about a millisecond per 100k articles) and cached for as long as the reader lives.
/// A key below zero is an article's own key negated, as it was added: a story of its own, whether
/// a clustering pass found it no copy (no key is written then) or none has looked at it yet (a
/// checkpoint of a build still running, or killed).
/// </summary>
public sealed class ClusterMap
{
    private static readonly ConditionalWeakTable<object, ClusterMap> Cache = new();

    /// <summary>Each doc's key as stored (below zero: a story of its own under its own key).</summary>
    private readonly long[] _keys;
    private readonly Dictionary<long, int[]> _multi;

    private ClusterMap(long[] keys, Dictionary<long, int[]> multi)
    {
        _keys = keys;
        _multi = multi;
    }

    /// <summary>The map of <paramref name="reader"/> (top-level doc numbers).</summary>
    public static ClusterMap For(IndexReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Build(reader));

    private static ClusterMap Build(IndexReader reader)
    {
        var keys = new long[reader.MaxDoc];
        var values = MultiDocValues.GetNumericValues(reader, Schema.Cluster);
        var live = MultiFields.GetLiveDocs(reader);
        var groups = new Dictionary<long, List<int>>();
        var firstOf = new Dictionary<long, int>();
        if (values != null)
        {
            for (int d = 0; d < keys.Length; d++)
            {
                if (live != null && !live.Get(d))
                    continue;
                long key = values.Get(d);
                keys[d] = key;
                if (key <= DuplicateClusterer.Unassigned)
                    continue; // a story of its own
                if (firstOf.TryAdd(key, d))
                    continue;
                if (!groups.TryGetValue(key, out var list))
                    groups[key] = list = new List<int> { firstOf[key] };
                list.Add(d);
            }
        }
        return new ClusterMap(keys, groups.ToDictionary(g => g.Key, g => g.Value.ToArray()));
    }

    /// <summary>True when the index holds at least one cluster of two or more articles.</summary>
    public bool HasCopies => _multi.Count > 0;

    private long Stored(int doc) => doc < _keys.Length ? _keys[doc] : DuplicateClusterer.Unassigned;

    /// <summary>The article's cluster key as users see it (a story of its own: its own key);
    /// <see cref="DuplicateClusterer.Unassigned"/> for one without (built without clustering).</summary>
    public long KeyOf(int doc) => Math.Abs(Stored(doc));

    /// <summary>Articles in the doc's cluster, itself included (1 for a story printed once).</summary>
    public int SizeOf(int doc) => _multi.TryGetValue(Stored(doc), out var m) ? m.Length : 1;

    /// <summary>The doc's cluster members, itself included, in index order.</summary>
    public IReadOnlyList<int> MembersOf(int doc) => _multi.TryGetValue(Stored(doc), out var m) ? m : new[] { doc };

    /// <summary>A value that is the same for two docs exactly when they are one story.</summary>
    public long StoryOf(int doc) => _multi.ContainsKey(Stored(doc)) ? Stored(doc) : -(doc + 1L);

    /// <summary>Every cluster of two or more articles.</summary>
    public IEnumerable<KeyValuePair<long, int[]>> Clusters => _multi;

    /// <summary>The key as users see it (in JSON and `search duplicates`): 16 hex digits.</summary>
    public static string Format(long key) => key.ToString("x16", CultureInfo.InvariantCulture);
}
