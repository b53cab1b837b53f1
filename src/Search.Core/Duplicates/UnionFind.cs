namespace Search.Core.Duplicates;

/// <summary>Disjoint sets with path halving: groups items linked by verified copy pairs.</summary>
public sealed class UnionFind<T> where T : notnull
{
    private readonly Dictionary<T, T> _parent = new();

    public IEnumerable<T> Items => _parent.Keys;

    public void Add(T item) => _parent.TryAdd(item, item);

    public T Find(T item)
    {
        Add(item);
        while (!EqualityComparer<T>.Default.Equals(_parent[item], item))
        {
            var grand = _parent[_parent[item]];
            _parent[item] = grand;
            item = grand;
        }
        return item;
    }

    public void Union(T a, T b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (!EqualityComparer<T>.Default.Equals(ra, rb))
            _parent[ra] = rb;
    }
}
