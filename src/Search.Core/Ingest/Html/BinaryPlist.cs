using System.Buffers.Binary;
using System.Text;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Reads Apple's binary property lists (<c>bplist00</c>), the container of Safari's web archives:
/// a table of objects (dictionaries, arrays, strings, data, numbers) that refer to each other by
/// index, found through the 32-byte trailer at the end. Only what a reader of dictionaries,
/// strings and data needs; every offset and count is checked against the file, so a damaged file
/// gives a <see cref="FormatException"/> saying what is wrong, never a read past the end.
/// </summary>
public sealed class BinaryPlist
{
    private static ReadOnlySpan<byte> Magic => "bplist00"u8;

    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly int _offsetSize, _refSize, _objects, _offsetTable;

    private BinaryPlist(ReadOnlyMemory<byte> bytes, int offsetSize, int refSize, int objects, int offsetTable, int top)
    {
        (_bytes, _offsetSize, _refSize, _objects, _offsetTable, Top) = (bytes, offsetSize, refSize, objects, offsetTable, top);
    }

    /// <summary>The index of the top object (a web archive's dictionary).</summary>
    public int Top { get; }

    /// <summary>Whether the bytes begin as a binary property list does.</summary>
    public static bool IsBinaryPlist(ReadOnlySpan<byte> head) => head.StartsWith(Magic);

    /// <summary>Opens a binary property list; throws <see cref="FormatException"/> when its header or
    /// trailer is not one's.</summary>
    public static BinaryPlist Open(ReadOnlyMemory<byte> bytes)
    {
        ReadOnlySpan<byte> span = bytes.Span;
        if (!IsBinaryPlist(span) || span.Length < Magic.Length + 32)
            throw new FormatException("not a binary property list");
        ReadOnlySpan<byte> trailer = span[^32..];
        int offsetSize = trailer[6], refSize = trailer[7];
        ulong objects = BinaryPrimitives.ReadUInt64BigEndian(trailer[8..]), top = BinaryPrimitives.ReadUInt64BigEndian(trailer[16..]),
            table = BinaryPrimitives.ReadUInt64BigEndian(trailer[24..]);
        if (offsetSize is < 1 or > 8 || refSize is < 1 or > 8 || objects == 0 || top >= objects
            || table >= (ulong)span.Length || objects > ((ulong)span.Length - table) / (ulong)offsetSize)
            throw new FormatException("its trailer is damaged (the file may be cut short)");
        return new BinaryPlist(bytes, offsetSize, refSize, (int)objects, (int)table, (int)top);
    }

    /// <summary>The entries of the dictionary at <paramref name="index"/>: each key (a string) to the
    /// index of its value; null when the object is not a dictionary.</summary>
    public Dictionary<string, int>? Dictionary(int index)
    {
        (int type, int count, int start) = Header(index);
        if (type != 0xD)
            return null;
        var entries = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            if (Text(Ref(start, i)) is { } key)
                entries[key] = Ref(start, count + i);
        }
        return entries;
    }

    /// <summary>The items of the array at <paramref name="index"/> as object indexes; empty when it is none.</summary>
    public IReadOnlyList<int> Array(int index)
    {
        (int type, int count, int start) = Header(index);
        return type != 0xA ? [] : Enumerable.Range(0, count).Select(i => Ref(start, i)).ToList();
    }

    /// <summary>The string at <paramref name="index"/> (ASCII or UTF-16); null when it is none.</summary>
    public string? Text(int index)
    {
        (int type, int count, int start) = Header(index);
        return type switch
        {
            0x5 => Encoding.ASCII.GetString(Slice(start, count)),
            0x6 => Encoding.BigEndianUnicode.GetString(Slice(start, checked(count * 2))),
            _ => null,
        };
    }

    /// <summary>The bytes of the data object at <paramref name="index"/>; null when it is none.</summary>
    public ReadOnlyMemory<byte>? Data(int index)
    {
        (int type, int count, int start) = Header(index);
        if (type != 0x4)
            return null;
        Slice(start, count);
        return _bytes.Slice(start, count);
    }

    /// <summary>The object's type (its marker's high four bits), its count of items, bytes or
    /// characters, and where they start.</summary>
    private (int Type, int Count, int Start) Header(int index)
    {
        if (index < 0 || index >= _objects)
            throw new FormatException($"object {index} is outside its table of {_objects}");
        int at = checked((int)Number(Slice(_offsetTable + (index * _offsetSize), _offsetSize)));
        byte marker = Slice(at, 1)[0];
        int type = marker >> 4, count = marker & 0xF, start = at + 1;
        if (type is 0x0 or 0x1 or 0x2 or 0x3 or 0x8)
            return (type, 0, start);
        if (count == 0xF)
        {
            byte size = Slice(start, 1)[0];
            if (size >> 4 != 0x1 || (size & 0xF) > 3)
                throw new FormatException($"object {index} has a damaged length");
            int bytes = 1 << (size & 0xF);
            ulong length = Number(Slice(start + 1, bytes));
            if (length > int.MaxValue)
                throw new FormatException($"object {index} claims {length} items");
            (count, start) = ((int)length, start + 1 + bytes);
        }
        return (type, count, start);
    }

    private int Ref(int start, int i)
    {
        ulong value = Number(Slice(checked(start + (i * _refSize)), _refSize));
        return value < (ulong)_objects ? (int)value : throw new FormatException($"a reference to object {value} of {_objects}");
    }

    private ReadOnlySpan<byte> Slice(int start, int length) =>
        start >= 0 && length >= 0 && length <= _bytes.Length - start
            ? _bytes.Span.Slice(start, length)
            : throw new FormatException("an object runs past the end of the file (it may be cut short)");

    private static ulong Number(ReadOnlySpan<byte> bigEndian)
    {
        ulong value = 0;
        foreach (byte b in bigEndian)
            value = (value << 8) | b;
        return value;
    }
}
