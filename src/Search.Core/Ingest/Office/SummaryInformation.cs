using System.Buffers.Binary;

namespace Search.Core.Ingest.Office;

/// <summary>
/// The title and author an Office 97–2003 file states, from its <c>\u0005SummaryInformation</c>
/// stream (an OLE property set, [MS-OLEPS]): the properties <c>PIDSI_TITLE</c> (2) and
/// <c>PIDSI_AUTHOR</c> (4), strings in the code page the set declares (<c>PID_CODEPAGE</c>, 1).
/// What cannot be read is left unstated rather than failing the document.
/// </summary>
internal static class SummaryInformation
{
    public const string StreamName = "\u0005SummaryInformation";

    private const int CodePageId = 1, TitleId = 2, AuthorId = 4;
    private const ushort TypeI2 = 2, TypeLpstr = 30, TypeLpwstr = 31;

    public static (string? Title, string? Author) Of(CompoundFile file)
    {
        try
        {
            return file.Stream(StreamName) is { } stream ? Read(stream) : (null, null);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidDataException)
        {
            return (null, null);
        }
    }

    private static (string? Title, string? Author) Read(ReadOnlySpan<byte> stream)
    {
        // The stream's header (28 bytes), then the first set's format id (16) and offset (4).
        if (stream.Length < 48 || BinaryPrimitives.ReadUInt16LittleEndian(stream) != 0xFFFE)
            return (null, null);
        int setAt = BinaryPrimitives.ReadInt32LittleEndian(stream[44..]);
        ReadOnlySpan<byte> set = stream[setAt..];
        int count = Math.Min(BinaryPrimitives.ReadInt32LittleEndian(set[4..]), 1024);
        var offsets = new Dictionary<int, int>();
        for (int i = 0; i < count; i++)
            offsets.TryAdd(BinaryPrimitives.ReadInt32LittleEndian(set[(8 + i * 8)..]), BinaryPrimitives.ReadInt32LittleEndian(set[(12 + i * 8)..]));
        Encoding encoding = TextDecoding.Windows1252;
        if (offsets.TryGetValue(CodePageId, out int codePageAt) && BinaryPrimitives.ReadUInt16LittleEndian(set[codePageAt..]) == TypeI2)
            encoding = CodePage(BinaryPrimitives.ReadUInt16LittleEndian(set[(codePageAt + 4)..])) ?? encoding;
        return (String(set, offsets, TitleId, encoding), String(set, offsets, AuthorId, encoding));
    }

    private static string? String(ReadOnlySpan<byte> set, Dictionary<int, int> offsets, int id, Encoding encoding)
    {
        if (!offsets.TryGetValue(id, out int at))
            return null;
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(set[at..]);
        int length = BinaryPrimitives.ReadInt32LittleEndian(set[(at + 4)..]);
        if (length <= 0 || length > 1 << 16)
            return null;
        string value = type switch
        {
            TypeLpstr => encoding.GetString(set.Slice(at + 8, length)),
            TypeLpwstr => Encoding.Unicode.GetString(set.Slice(at + 8, length * 2)),
            _ => "",
        };
        value = value.TrimEnd('\0').Trim();
        return value.Length == 0 ? null : value;
    }

    // 1200 (UTF-16) marks a set whose strings are Unicode; theirs are read by type.
    private static Encoding? CodePage(ushort codePage) => codePage == 1200 ? null : TextDecoding.Numbered(codePage);
}
