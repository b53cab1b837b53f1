using System.Buffers.Binary;

namespace Search.Core.Ingest.Office;

/// <summary>One record of an Excel 97-2003 workbook stream: its type and its data.</summary>
internal readonly record struct BiffRecord(ushort Type, int Offset, int Length);

/// <summary>
/// The records of an Excel 97-2003 workbook stream (BIFF8, [MS-XLS]): each a 2-byte type, a 2-byte
/// length and its data, read from a place in the stream to the end-of-file record of its
/// substream. A record whose length runs past the stream ends the walk.
/// </summary>
internal static class BiffRecords
{
    public const ushort Bof = 0x0809, Eof = 0x000A, Continue = 0x003C;

    /// <summary>The records from <paramref name="start"/> to the end of the substream that starts
    /// there (its own <see cref="Eof"/>, substreams nested inside it skipped over).</summary>
    public static IEnumerable<BiffRecord> From(byte[] stream, int start)
    {
        int depth = 0;
        for (int at = start; at >= 0 && at + 4 <= stream.Length;)
        {
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(at));
            int length = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(at + 2));
            if (at + 4 + length > stream.Length)
                yield break;
            var record = new BiffRecord(type, at + 4, length);
            at += 4 + length;
            if (type == Bof && at - 4 - length != start)
                depth++;
            if (depth == 0)
                yield return record;
            if (type == Eof && depth-- == 0)
                yield break;
        }
    }
}
