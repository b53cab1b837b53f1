using System.Buffers.Binary;

namespace Search.Core.Ingest.Office;

/// <summary>
/// Strings as Excel 97-2003 writes them ([MS-XLS] <c>XLUnicodeRichExtendedString</c>): a count of
/// characters, a flags byte (one byte a character, Latin-1, or two, UTF-16), then the characters,
/// then formatting runs and phonetic data to step over. In the shared string table the data runs
/// on into <c>CONTINUE</c> records, and a string cut by one resumes with a flags byte of its own.
/// </summary>
internal sealed class BiffStrings
{
    private const byte HighByte = 0x01, ExtendedData = 0x04, RichText = 0x08;

    private readonly byte[] _stream;
    private readonly List<BiffRecord> _segments;
    private int _segment, _at;

    /// <summary>Reads the data of <paramref name="segments"/> (a record and the CONTINUE records after it) as one.</summary>
    public BiffStrings(byte[] stream, List<BiffRecord> segments)
    {
        _stream = stream;
        _segments = segments;
        _at = segments.Count > 0 ? segments[0].Offset : 0;
    }

    /// <summary>The shared string table: the strings of an SST record and its CONTINUE records.</summary>
    public static List<string> Table(byte[] stream, List<BiffRecord> segments)
    {
        var reader = new BiffStrings(stream, segments);
        reader.Skip(4); // the total number of references
        int unique = reader.ReadInt32();
        var strings = new List<string>(Math.Clamp(unique, 0, 1 << 16));
        for (int i = 0; i < unique && !reader.AtEnd; i++)
            strings.Add(reader.ReadString(wideCount: true));
        return strings;
    }

    /// <summary>A string at the start of <paramref name="data"/> with a 2-byte count (a cell's
    /// <c>LABEL</c>, a formula's <c>STRING</c>) or a 1-byte one (a sheet's name).</summary>
    public static string Single(byte[] stream, BiffRecord record, int skip, bool wideCount)
    {
        var reader = new BiffStrings(stream, [record]);
        reader.Skip(skip);
        return reader.ReadString(wideCount);
    }

    private bool AtEnd => _segment >= _segments.Count;

    private string ReadString(bool wideCount)
    {
        int count = wideCount ? ReadUInt16() : ReadByte();
        byte flags = ReadByte();
        int runs = (flags & RichText) != 0 ? ReadUInt16() : 0;
        int extended = (flags & ExtendedData) != 0 ? ReadInt32() : 0;
        var text = new StringBuilder(count);
        bool wide = (flags & HighByte) != 0;
        while (text.Length < count && !AtEnd)
        {
            if (_at >= End)
            {
                // The characters go on in the next CONTINUE record, after a flags byte of their own.
                Next();
                if (AtEnd)
                    break;
                wide = (ReadByte() & HighByte) != 0;
                continue;
            }
            if (wide)
            {
                if (_at + 2 > End)
                    break;
                text.Append((char)BinaryPrimitives.ReadUInt16LittleEndian(_stream.AsSpan(_at)));
                _at += 2;
            }
            else
            {
                text.Append((char)_stream[_at++]);
            }
        }
        Skip(runs * 4L + Math.Max(0, extended));
        return text.ToString();
    }

    private int End => _segments[_segment].Offset + _segments[_segment].Length;

    private void Next()
    {
        _segment++;
        if (!AtEnd)
            _at = _segments[_segment].Offset;
    }

    private byte ReadByte()
    {
        while (!AtEnd && _at >= End)
            Next();
        return AtEnd ? (byte)0 : _stream[_at++];
    }

    private int ReadUInt16() => ReadByte() | (ReadByte() << 8);

    private int ReadInt32() => ReadUInt16() | (ReadUInt16() << 16);

    private void Skip(long bytes)
    {
        while (bytes > 0 && !AtEnd)
        {
            long step = Math.Min(bytes, End - _at);
            _at += (int)step;
            bytes -= step;
            if (_at >= End)
                Next();
        }
    }
}
