using System.Buffers.Binary;

namespace Search.Core.Ingest.Office;

/// <summary>
/// The paragraphs of a Word 97–2003 document (<c>.doc</c>, [MS-DOC]): the main text's characters
/// gathered through the piece table (the <c>Clx</c> in the table stream, which the File Information
/// Block points to), each piece stored as Windows-1252 bytes or UTF-16, then cut at paragraph
/// marks. A field shows its result, not its code (<c>HYPERLINK "…"</c>); pictures, footnote and
/// comment marks are left out, and so is text deleted with tracked changes or formatted as hidden
/// (<see cref="HiddenCharacters"/>); a table gives its cells as paragraphs. Footnotes, headers and
/// text boxes lie after the main text and are not read. Paragraph styles are not read: the title
/// is chosen from the text (<see cref="OfficeArticle"/>).
/// </summary>
internal static class WordBinaryText
{
    private const ushort WordIdent = 0xA5EC;
    /// <summary>The first version of the format read here: Word 97 (earlier ones have no piece table in this form).</summary>
    private const ushort Word97 = 0x00C1;
    /// <summary>Places in <c>fibRgFcLcb</c> of the piece table (<c>fcClx</c>), the footnote marks
    /// (<c>fcPlcffndRef</c>), the comment marks (<c>fcPlcfandRef</c>) and the character formatting
    /// (<c>fcPlcfBteChpx</c>).</summary>
    private const int ClxPair = 33, FootnoteReferences = 2, CommentReferences = 4, CharacterFormatting = 12;

    /// <summary>The paragraphs of the document; <see cref="InvalidDataException"/> when the streams are not a Word 97–2003 document's.</summary>
    public static List<WordParagraph> Paragraphs(CompoundFile file)
    {
        byte[] document = file.Stream("WordDocument") ?? throw new InvalidDataException("no WordDocument stream");
        if (document.Length < 0x22 || BinaryPrimitives.ReadUInt16LittleEndian(document) != WordIdent)
            throw new InvalidDataException("not a Word document");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(document.AsSpan(2));
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(document.AsSpan(0x0A));
        if ((flags & 0x0100) != 0)
            throw new EncryptedDocumentException();
        if (version < Word97)
            throw new InvalidDataException("a Word 6 or Word 95 document, which is not read");
        byte[] table = file.Stream((flags & 0x0200) != 0 ? "1Table" : "0Table") ?? throw new InvalidDataException("no table stream");

        var fib = new FibReader(document);
        int textLength = fib.TextLength;
        var (clxAt, clxLength) = fib.Pair(ClxPair);
        if (clxAt < 0 || clxLength <= 0 || (long)clxAt + clxLength > table.Length)
            throw new InvalidDataException("no piece table");
        var text = new MainText([.. References(table, fib.Pair(FootnoteReferences), 2), .. References(table, fib.Pair(CommentReferences), 30)],
            HiddenCharacters.Of(document, table, fib.Pair(CharacterFormatting)));
        foreach (var piece in Pieces(table.AsSpan(clxAt, clxLength)))
        {
            if (piece.Start >= textLength)
                break;
            int length = Math.Min(piece.End, textLength) - piece.Start;
            text.Append(document, piece.Start, piece.Offset, length, piece.Compressed);
        }
        return text.Finish();
    }

    /// <summary>The character positions a <c>PlcffndRef</c> or <c>PlcfandRef</c> (in the table
    /// stream at <paramref name="plc"/>, with <paramref name="dataBytes"/> of data per mark) lists:
    /// footnote and comment marks, which are the note's number or its own mark (<c>*</c>), not text.</summary>
    private static int[] References(byte[] table, (int Offset, int Length) plc, int dataBytes)
    {
        if (plc.Offset < 0 || plc.Length < 4 || (long)plc.Offset + plc.Length > table.Length)
            return [];
        int count = (plc.Length - 4) / (4 + dataBytes);
        return [.. Enumerable.Range(0, count).Select(i => BinaryPrimitives.ReadInt32LittleEndian(table.AsSpan(plc.Offset + i * 4)))];
    }

    private readonly record struct Piece(int Start, int End, int Offset, bool Compressed);

    /// <summary>The pieces of the piece table (<c>PlcPcd</c>) in a <c>Clx</c>, after its formatting (<c>Prc</c>) entries.</summary>
    private static List<Piece> Pieces(ReadOnlySpan<byte> clx)
    {
        int at = 0;
        while (at < clx.Length && clx[at] == 0x01)
        {
            if (at + 3 > clx.Length)
                throw new InvalidDataException("damaged piece table");
            at += 3 + BinaryPrimitives.ReadInt16LittleEndian(clx[(at + 1)..]);
        }
        if (at + 5 > clx.Length || clx[at] != 0x02)
            throw new InvalidDataException("damaged piece table");
        int bytes = BinaryPrimitives.ReadInt32LittleEndian(clx[(at + 1)..]);
        ReadOnlySpan<byte> plc = clx[(at + 5)..];
        if (bytes < 4 || bytes > plc.Length)
            throw new InvalidDataException("damaged piece table");
        int count = (bytes - 4) / 12;
        var pieces = new List<Piece>(count);
        for (int i = 0; i < count; i++)
        {
            int start = BinaryPrimitives.ReadInt32LittleEndian(plc[(i * 4)..]);
            int end = BinaryPrimitives.ReadInt32LittleEndian(plc[((i + 1) * 4)..]);
            uint fc = BinaryPrimitives.ReadUInt32LittleEndian(plc[((count + 1) * 4 + i * 8 + 2)..]);
            bool compressed = (fc & 0x40000000) != 0;
            int offset = (int)(fc & 0x3FFFFFFF);
            if (end < start || start < 0)
                throw new InvalidDataException("damaged piece table");
            pieces.Add(new Piece(start, end, compressed ? offset / 2 : offset, compressed));
        }
        return pieces;
    }

    /// <summary>The File Information Block's counts and (offset, length) pairs, past its variable-length parts.</summary>
    private readonly ref struct FibReader(ReadOnlySpan<byte> document)
    {
        private readonly ReadOnlySpan<byte> _document = document;

        private int LongsAt => 32 + 2 + 2 * BinaryPrimitives.ReadUInt16LittleEndian(_document[32..]) + 2;

        /// <summary>Characters of the main text (<c>ccpText</c>).</summary>
        public int TextLength => Read(LongsAt + 3 * 4);

        /// <summary>The offset and length of pair <paramref name="index"/> of <c>fibRgFcLcb</c>.</summary>
        public (int Offset, int Length) Pair(int index)
        {
            int longs = LongsAt;
            int pairsAt = longs + 4 * BinaryPrimitives.ReadUInt16LittleEndian(_document[(longs - 2)..]) + 2;
            int count = BinaryPrimitives.ReadUInt16LittleEndian(_document[(pairsAt - 2)..]);
            if (index >= count)
                throw new InvalidDataException("damaged file information block");
            return (Read(pairsAt + index * 8), Read(pairsAt + index * 8 + 4));
        }

        private int Read(int at) => at + 4 <= _document.Length
            ? BinaryPrimitives.ReadInt32LittleEndian(_document[at..])
            : throw new InvalidDataException("damaged file information block");
    }

    /// <summary>The main text as it is shown, cut into paragraphs as its characters arrive.</summary>
    private sealed class MainText(IEnumerable<int> marks, HiddenCharacters hidden)
    {
        private readonly HashSet<int> _marks = [.. marks];
        private readonly List<WordParagraph> _paragraphs = [];
        private readonly StringBuilder _paragraph = new();
        /// <summary>Fields nest (a page number in a hyperlink); a file that opens more is damaged.</summary>
        private const int MaxFieldDepth = 32;

        /// <summary>For each open field, whether its result has begun (its code is not shown).</summary>
        private readonly Stack<bool> _fields = new();

        public void Append(byte[] document, int position, int offset, int length, bool compressed)
        {
            long bytes = compressed ? length : 2L * length;
            if (offset < 0 || offset + bytes > document.Length)
                throw new InvalidDataException("a piece of text lies outside the document");
            string text = compressed
                ? TextDecoding.Windows1252.GetString(document, offset, length)
                : Encoding.Unicode.GetString(document, offset, length * 2);
            int width = compressed ? 1 : 2;
            for (int i = 0; i < text.Length; i++)
                if (!_marks.Contains(position + i) && !hidden.Hides(offset + i * width))
                    Add(text[i]);
        }

        private void Add(char c)
        {
            switch (c)
            {
                case '\u0013': // field begins: its code follows
                    if (_fields.Count < MaxFieldDepth)
                        _fields.Push(false);
                    return;
                case '\u0014': // field separator: its result follows
                    if (_fields.Count > 0)
                    {
                        _fields.Pop();
                        _fields.Push(true);
                    }
                    return;
                case '\u0015': // field ends
                    if (_fields.Count > 0)
                        _fields.Pop();
                    return;
            }
            if (_fields.Contains(false))
                return;
            switch (c)
            {
                case '\r' or '\u0007' or '\u000C' or '\u000E': // paragraph, table cell or row, page or section, column
                    EndParagraph();
                    break;
                case '\t' or '\u000B' or '\u00A0': // tab, line break, no-break space
                    _paragraph.Append(' ');
                    break;
                case '\u001E': // non-breaking hyphen
                    _paragraph.Append('-');
                    break;
                default:
                    // Pictures (1, 8), footnote and comment marks (2, 5), the optional hyphen (31).
                    if (c >= ' ')
                        _paragraph.Append(c);
                    break;
            }
        }

        private void EndParagraph()
        {
            string paragraph = ParagraphText.CollapseWhitespace(_paragraph.ToString()).Trim();
            if (paragraph.Length > 0)
                _paragraphs.Add(new WordParagraph(paragraph, null));
            _paragraph.Clear();
        }

        public List<WordParagraph> Finish()
        {
            EndParagraph();
            return _paragraphs;
        }
    }
}

/// <summary>A document that is encrypted with a password.</summary>
internal sealed class EncryptedDocumentException() : Exception("encrypted with a password");
