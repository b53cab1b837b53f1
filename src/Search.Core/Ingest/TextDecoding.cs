using System.Buffers;
using System.IO.Compression;

namespace Search.Core.Ingest;

/// <summary>What the first bytes of a file say about it.</summary>
public enum TextKind
{
    /// <summary>No content (0 bytes, or only a byte-order mark).</summary>
    Empty,
    Text,
    /// <summary>NUL bytes or many control characters: not a text file, whatever its extension.</summary>
    Binary,
}

/// <summary>Result of <see cref="TextDecoding.Sniff"/>: the kind of content, the encoding to decode it
/// with, and how many bytes of byte-order mark to skip.</summary>
public readonly record struct TextSniff(TextKind Kind, Encoding Encoding, int BomLength);

/// <summary>
/// Opens files as text without trusting them: news archives mix UTF-8, UTF-16 exports and
/// Windows-1252/Latin-1 files (the BBC corpus has raw 0xA3 pound signs).
/// Rules: a BOM decides (UTF-8, UTF-16 LE/BE); without one, the file is UTF-8 if the head is valid
/// UTF-8, else Windows-1252 (a superset of the printable Latin-1 range, so Latin-1 files read right),
/// unless it is mostly letters of another script (<see cref="LegacyEncoding"/>: Windows-1251,
/// KOI8-R, Shift-JIS, GB18030, Big5, EUC-KR, Greek) or its accents are a Central European
/// language's (<see cref="LatinCodePages"/>: Windows-1250, ISO-8859-2).
/// UTF-16 without a BOM is not recognised: its NUL bytes make it look binary.
/// Invalid sequences later in a file than the sniffed head decode to U+FFFD rather than throwing.
/// </summary>
public static class TextDecoding
{
    /// <summary>Bytes read to decide the encoding.</summary>
    public const int HeadSize = 64 * 1024;

    /// <summary>Bytes scanned for binary content.</summary>
    private const int BinaryScanSize = 8 * 1024;

    private const int StreamBufferSize = 64 * 1024;

    /// <summary>UTF-8 that replaces invalid bytes with U+FFFD instead of throwing.</summary>
    private static readonly Encoding Utf8Lenient = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Windows-1252, from the code-pages provider that ships in the .NET shared framework.</summary>
    public static Encoding Windows1252 { get; } =
        CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 encoding is not available");

    /// <summary>An encoding by name, from the code-pages provider or the runtime; null when neither
    /// knows the name.</summary>
    public static Encoding? Named(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>An encoding by Windows code-page number (1251, 932), from the code-pages provider
    /// or the runtime; null when neither knows it.</summary>
    public static Encoding? Numbered(int codePage)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Classifies content from its first bytes (pass up to <see cref="HeadSize"/>, or the
    /// whole file when it is at hand: UTF-8 validity is then checked over all of it).</summary>
    public static TextSniff Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
            return new(TextKind.Empty, Utf8Lenient, 0);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new(KindOf(head[3..]), Utf8Lenient, 3);
        // UTF-16 legitimately contains NULs, so no binary check after its BOM.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new(head.Length > 2 ? TextKind.Text : TextKind.Empty, Encoding.Unicode, 2);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new(head.Length > 2 ? TextKind.Text : TextKind.Empty, Encoding.BigEndianUnicode, 2);
        TextKind kind = KindOf(head);
        return new(kind, kind == TextKind.Text && !IsValidUtf8Prefix(head) ? LegacyEncoding.Of(head) : Utf8Lenient, 0);
    }

    /// <summary>Reads up to <paramref name="max"/> bytes from the start of a file.</summary>
    public static byte[] ReadHead(string path, int max = HeadSize)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var buffer = new byte[(int)Math.Min(max, stream.Length)];
        int n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return n == buffer.Length ? buffer : buffer[..n];
    }

    /// <summary>Opens a file for streaming reads in its sniffed encoding, positioned after any BOM.</summary>
    public static StreamReader OpenReader(string path) => OpenReader(path, out _);

    /// <inheritdoc cref="OpenReader(string)"/>
    /// <param name="path">The file.</param>
    /// <param name="sniff">What the head of the file looks like; callers check for binary content.</param>
    public static StreamReader OpenReader(string path, out TextSniff sniff) => OpenReader(path, null, out sniff);

    /// <inheritdoc cref="OpenReader(string, out TextSniff)"/>
    /// <param name="path">The file.</param>
    /// <param name="onRead">Told of the bytes read as they are read (progress), when not null.</param>
    /// <param name="sniff">What the head of the file looks like; callers check for binary content.</param>
    public static StreamReader OpenReader(string path, Action<int>? onRead, out TextSniff sniff) => OpenReader(path, onRead, gzipped: false, out sniff);

    /// <inheritdoc cref="OpenReader(string, Action{int}, out TextSniff)"/>
    /// <param name="gzipped">Read the file through gunzip; <paramref name="onRead"/> counts the compressed bytes.</param>
    public static StreamReader OpenReader(string path, Action<int>? onRead, bool gzipped, out TextSniff sniff)
    {
        if (gzipped)
            return OpenGzipped(path, onRead, out sniff);
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBufferSize, FileOptions.SequentialScan);
        if (onRead != null)
            stream = new ReadCountingStream(stream, onRead);
        byte[] head = ArrayPool<byte>.Shared.Rent(HeadSize);
        try
        {
            int n = stream.ReadAtLeast(head.AsSpan(0, HeadSize), HeadSize, throwOnEndOfStream: false);
            sniff = Sniff(head.AsSpan(0, n));
            stream.Position = sniff.BomLength;
            return new StreamReader(stream, sniff.Encoding, detectEncodingFromByteOrderMarks: false, StreamBufferSize);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <summary>A gzipped file through gunzip, its encoding sniffed from the start of its expansion
    /// (a gzip stream cannot seek: the head is read from a first opening, the text from a second).</summary>
    private static StreamReader OpenGzipped(string path, Action<int>? onRead, out TextSniff sniff)
    {
        var head = new byte[HeadSize];
        int n;
        using (var first = new GZipStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBufferSize), CompressionMode.Decompress))
            n = first.ReadAtLeast(head, HeadSize, throwOnEndOfStream: false);
        sniff = Sniff(head.AsSpan(0, n));
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBufferSize, FileOptions.SequentialScan);
        if (onRead != null)
            stream = new ReadCountingStream(stream, onRead);
        var gzip = new CheckedGunzipStream(stream);
        try
        {
            gzip.ReadExactly(head, 0, sniff.BomLength);
            return new StreamReader(gzip, sniff.Encoding, detectEncodingFromByteOrderMarks: false, StreamBufferSize);
        }
        catch
        {
            gzip.Dispose();
            throw;
        }
    }

    /// <summary>Streams a record file (CSV, JSON Lines) through <paramref name="read"/> in its
    /// sniffed encoding; a binary file yields one whole-file problem instead.</summary>
    public static IEnumerable<ReadItem> ReadRecords(SourceFile file, Func<TextReader, SourceFile, IEnumerable<ReadItem>> read)
    {
        using StreamReader reader = OpenReader(file.FullPath, file.OnRead, file.Gzipped, out TextSniff sniff);
        if (sniff.Kind == TextKind.Binary)
        {
            yield return ReadItem.Skip(RecordProblem.WholeFile, "binary file");
            yield break;
        }
        foreach (ReadItem item in read(reader, file))
            yield return item;
        (reader.BaseStream as CheckedGunzipStream)?.ThrowIfEndedEarly(); // after the record it cut in half
    }

    /// <summary>Reads a whole (small, single-article) file as text.</summary>
    public static string ReadAllText(string path) => ReadAllText(path, out _);

    /// <inheritdoc cref="ReadAllText(string)"/>
    /// <param name="path">The file.</param>
    /// <param name="sniff">What the content looks like; callers check for binary content.</param>
    public static string ReadAllText(string path, out TextSniff sniff) => Decode(File.ReadAllBytes(path), out sniff);

    /// <inheritdoc cref="ReadAllText(string, out TextSniff)"/>
    /// <param name="file">The file; a gzipped one is read through gunzip.</param>
    /// <param name="sniff">What the content looks like; callers check for binary content.</param>
    public static string ReadAllText(SourceFile file, out TextSniff sniff)
    {
        if (!file.Gzipped)
            return ReadAllText(file.FullPath, out sniff);
        using var reader = OpenReader(file.FullPath, file.OnRead, gzipped: true, out sniff);
        string text = reader.ReadToEnd();
        ((CheckedGunzipStream)reader.BaseStream).ThrowIfEndedEarly();
        return text;
    }

    /// <summary>Decodes bytes already in memory by the same rules as streamed files: the encoding is
    /// decided from the first <see cref="HeadSize"/> bytes, so a file reads the same whatever its
    /// size (invalid UTF-8 after a valid head becomes U+FFFD rather than turning the whole file
    /// into Windows-1252).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out TextSniff sniff)
    {
        sniff = Sniff(bytes[..Math.Min(bytes.Length, HeadSize)]);
        return sniff.Encoding.GetString(bytes[sniff.BomLength..]);
    }

    private static TextKind KindOf(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? TextKind.Empty : LooksBinary(bytes) ? TextKind.Binary : TextKind.Text;

    /// <summary>NULs in more than one byte in a thousand (so a stray NUL in a big export's first
    /// 8 KB does not make the whole file binary, while a short file with a NUL, random bytes at one
    /// in 256, and UTF-16 without a BOM at one in two still are), or more than 10% control characters
    /// other than tab, line feed, vertical tab, form feed, carriage return and escape, in the first 8 KB.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> scan = bytes[..Math.Min(bytes.Length, BinaryScanSize)];
        if (scan.Count((byte)0) * 1000 > scan.Length)
            return true;
        int controls = 0;
        foreach (byte b in scan)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or 0x0B or 0x0C or (byte)'\r' or 0x1B))
                controls++;
        return controls * 10 > scan.Length;
    }

    /// <summary>Valid UTF-8, ignoring a multi-byte sequence cut off at the end of the head.</summary>
    private static bool IsValidUtf8Prefix(ReadOnlySpan<byte> head)
    {
        int end = head.Length;
        for (int back = 1; back <= 3 && back <= head.Length; back++)
        {
            byte b = head[head.Length - back];
            if ((b & 0xC0) == 0x80)
                continue; // continuation byte: keep looking for the lead byte
            if (b >= 0xC0)
            {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                if (needed > back)
                    end = head.Length - back;
            }
            break;
        }
        return System.Text.Unicode.Utf8.IsValid(head[..end]);
    }
}
