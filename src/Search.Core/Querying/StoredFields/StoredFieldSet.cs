using Lucene.Net.Index;

namespace Search.Core.Querying.StoredFields;

/// <summary>
/// A fixed set of stored string fields read for every hit, each with its slot in the values a
/// read returns. Made once (a static field) and used for every read: each segment maps its field
/// numbers to these slots once per set.
/// </summary>
public sealed class StoredFieldSet
{
    private readonly Dictionary<string, int> _slots;

    public StoredFieldSet(params string[] names)
    {
        Names = names.Distinct(StringComparer.Ordinal).ToArray();
        _slots = Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        AsSet = new HashSet<string>(Names, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The names as the set Lucene's own document loading takes.</summary>
    internal ISet<string> AsSet { get; }

    /// <summary>The slot of <paramref name="name"/>; -1 when the set does not hold it.</summary>
    public int SlotOf(string name) => _slots.TryGetValue(name, out int slot) ? slot : -1;

    /// <summary>This set's slot for each field number of a segment (-1 for fields not in the set).</summary>
    internal int[] SlotsByNumber(FieldInfos infos)
    {
        int max = -1;
        foreach (var info in infos)
            max = Math.Max(max, info.Number);
        var slots = new int[max + 1];
        Array.Fill(slots, -1);
        foreach (var info in infos)
            slots[info.Number] = SlotOf(info.Name);
        return slots;
    }
}

/// <summary>The values a read of a <see cref="StoredFieldSet"/> found: each field's first stored
/// string, or null.</summary>
public readonly struct StoredValues(StoredFieldSet fields, string?[] values)
{
    /// <summary>The field's first stored string value; null when the document has none or the set
    /// does not hold the field.</summary>
    public string? Get(string field) => fields.SlotOf(field) is var slot && slot >= 0 ? values[slot] : null;
}
