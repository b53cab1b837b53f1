using System.Buffers.Binary;

namespace Search.Core.Ingest.Office;

/// <summary>
/// Where a Word 97–2003 document's text is not shown: deleted with tracked changes
/// (<c>sprmCFRMarkDel</c>) or formatted as hidden (<c>sprmCFVanish</c>). Read from the character
/// formatting: the <c>PlcBteChpx</c> in the table stream names the 512-byte pages (<c>ChpxFkp</c>)
/// of the document stream that give each run of bytes its formatting. Ranges are byte offsets in
/// the document stream, as the piece table's are. Formatting that cannot be read hides nothing.
/// </summary>
internal sealed class HiddenCharacters
{
    private const int PageBytes = 512;
    private const ushort MarkDeleted = 0x0800, Vanish = 0x083C;

    private readonly (int Start, int End)[] _ranges;

    private HiddenCharacters((int Start, int End)[] ranges) => _ranges = ranges;

    public static HiddenCharacters None { get; } = new([]);

    /// <summary>The hidden runs of <paramref name="document"/>, from the <c>PlcBteChpx</c> at <paramref name="plc"/> in <paramref name="table"/>.</summary>
    public static HiddenCharacters Of(byte[] document, byte[] table, (int Offset, int Length) plc)
    {
        if (plc.Offset < 0 || plc.Length < 8 || (long)plc.Offset + plc.Length > table.Length)
            return None;
        int pages = (plc.Length - 4) / 8;
        var ranges = new List<(int, int)>();
        for (int i = 0; i < pages; i++)
        {
            long page = (BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(plc.Offset + (pages + 1) * 4 + i * 4)) & 0x3FFFFF) * (long)PageBytes;
            if (page + PageBytes <= document.Length)
                AddHiddenRuns(document.AsSpan((int)page, PageBytes), ranges);
        }
        ranges.Sort();
        return new([.. ranges]);
    }

    /// <summary>Whether the character at byte <paramref name="offset"/> of the document stream is hidden.</summary>
    public bool Hides(int offset)
    {
        int low = 0, high = _ranges.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (offset < _ranges[middle].Start)
                high = middle - 1;
            else if (offset >= _ranges[middle].End)
                low = middle + 1;
            else
                return true;
        }
        return false;
    }

    private static void AddHiddenRuns(ReadOnlySpan<byte> page, List<(int, int)> ranges)
    {
        int runs = page[PageBytes - 1];
        if (runs == 0 || (runs + 1) * 4 + runs > PageBytes - 1)
            return;
        for (int i = 0; i < runs; i++)
        {
            int chpx = page[(runs + 1) * 4 + i] * 2;
            if (chpx == 0 || chpx >= PageBytes - 1)
                continue;
            int size = page[chpx];
            if (chpx + 1 + size > PageBytes - 1 || !HidesText(page.Slice(chpx + 1, size)))
                continue;
            int start = BinaryPrimitives.ReadInt32LittleEndian(page[(i * 4)..]);
            int end = BinaryPrimitives.ReadInt32LittleEndian(page[((i + 1) * 4)..]);
            if (end > start)
                ranges.Add((start, end));
        }
    }

    /// <summary>Whether a run's properties (<c>grpprl</c>) turn on deletion or hiding: a toggle
    /// of 1, or 0x81 (the opposite of the style's, which for these is off).</summary>
    private static bool HidesText(ReadOnlySpan<byte> properties)
    {
        int at = 0;
        while (at + 2 <= properties.Length)
        {
            ushort sprm = BinaryPrimitives.ReadUInt16LittleEndian(properties[at..]);
            at += 2;
            int operand = (sprm >> 13) switch
            {
                0 or 1 => 1,
                2 or 4 or 5 => 2,
                3 => 4,
                7 => 3,
                _ => at < properties.Length ? 1 + properties[at] : 1, // 6: its operand says its own size
            };
            if (sprm is MarkDeleted or Vanish && at < properties.Length && properties[at] is 0x01 or 0x81)
                return true;
            at += operand;
        }
        return false;
    }
}
