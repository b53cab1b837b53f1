namespace Search.Core.Ingest.Html;

/// <summary>
/// Decides how to decode a web page from its bytes, because pages lie about their charset (UTF-8
/// bytes under a <c>windows-1252</c> meta tag, Windows-1252 bytes under <c>utf-8</c>) or state none.
/// Order: a byte-order mark; else bytes that are valid UTF-8 (apart from a stray byte or two in a
/// page full of UTF-8) are UTF-8 whatever the page says, since other encodings almost never form
/// valid multi-byte UTF-8 by chance; else the charset the page declares (meta charset, http-equiv,
/// XML declaration) when it is a known single- or multi-byte code page other than UTF-8; else the
/// one its server declared (the HTTP <c>Content-Type</c> a web archive kept), likewise; else
/// Windows-1252 (the WHATWG reading of <c>iso-8859-1</c> and <c>us-ascii</c>, and the commonest
/// undeclared legacy encoding), or the encoding of another script a page mostly in it is in
/// (<see cref="LegacyEncoding"/>).
/// </summary>
public static partial class HtmlCharset
{
    /// <summary>Bytes searched for a declaration (the HTML standard's pre-scan reads 1024).</summary>
    private const int DeclarationWindow = 4096;

    private static readonly Encoding Utf8Lenient = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Decodes the page's bytes to text, choosing the encoding as described above;
    /// <paramref name="served"/> is the charset its server declared, when known.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, out Encoding encoding, Encoding? served = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (encoding = Utf8Lenient).GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (encoding = Encoding.Unicode).GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (encoding = Encoding.BigEndianUnicode).GetString(bytes[2..]);
        if (Utf16WithoutMark(bytes) is { } utf16)
            return (encoding = utf16).GetString(bytes);
        encoding = Choose(bytes, served);
        string text = encoding.GetString(bytes);
        // NULs are never a page's text (a parser drops them); a download cut short or a disk
        // error leaves runs of them.
        return text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;
    }

    /// <summary>Whether bytes that look binary (NULs in them) are a web page all the same: UTF-16
    /// without a byte-order mark, or a start that only markup has (<c>&lt;!DOCTYPE</c>, <c>&lt;html</c>,
    /// <c>&lt;?xml</c>…) with NULs strewn in it (a page saved by a tool that pads, or damaged on disk).</summary>
    public static bool IsMarkup(ReadOnlySpan<byte> bytes)
    {
        if (Utf16WithoutMark(bytes) != null)
            return true;
        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 1024)];
        int i = 0;
        while (i < head.Length && (head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0))
            i++;
        string start = Encoding.ASCII.GetString(head[i..Math.Min(head.Length, i + 9)]).Replace("\0", "", StringComparison.Ordinal).ToLowerInvariant();
        return MarkupStarts.Any(m => start.StartsWith(m, StringComparison.Ordinal));
    }

    private static readonly string[] MarkupStarts = ["<!doctype", "<html", "<?xml", "<head", "<!--", "<meta", "<body", "<title"];

    /// <summary>UTF-16 without a byte-order mark, as some Windows tools save "Unicode" pages: the
    /// page starts with <c>&lt;</c> and every other byte of its (mostly ASCII) markup is zero.</summary>
    private static Encoding? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> head = bytes[..(Math.Min(bytes.Length, 512) & ~1)];
        if (head.Length < 16)
            return null;
        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < head.Length; i += 2)
        {
            if (head[i] == 0) evenZeros++;
            if (head[i + 1] == 0) oddZeros++;
        }
        int pairs = head.Length / 2;
        if (head[0] == '<' && head[1] == 0 && oddZeros * 10 >= pairs * 9 && evenZeros * 10 < pairs)
            return Encoding.Unicode;
        if (head[0] == 0 && head[1] == '<' && evenZeros * 10 >= pairs * 9 && oddZeros * 10 < pairs)
            return Encoding.BigEndianUnicode;
        return null;
    }

    /// <summary>The encoding for bytes without a byte-order mark.</summary>
    public static Encoding Choose(ReadOnlySpan<byte> bytes, Encoding? served = null)
    {
        (int valid, int invalid) = CountUtf8(bytes);
        if (invalid == 0 || (invalid <= 2 && valid >= 20 * invalid))
            return Utf8Lenient;
        foreach (Encoding? declared in (ReadOnlySpan<Encoding?>)[Declared(bytes), served])
        {
            if (declared != null && declared.CodePage != Encoding.UTF8.CodePage)
                return declared;
        }
        return LegacyEncoding.Of(bytes[..Math.Min(bytes.Length, TextDecoding.HeadSize)], markup: true);
    }

    /// <summary>The encoding the page declares, if it names one this runtime knows.</summary>
    public static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        string head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, DeclarationWindow)]);
        Match m = DeclarationPattern().Match(head);
        return m.Success ? ByName(m.Groups["name"].Value) : null;
    }

    /// <summary>An encoding by its label, with the WHATWG aliases that matter: Latin-1 and ASCII
    /// labels mean Windows-1252.</summary>
    public static Encoding? ByName(string label)
    {
        string name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" or "l1" or "cp1252")
            return TextDecoding.Windows1252;
        if (name is "utf8" or "unicode-1-1-utf-8")
            return Utf8Lenient;
        return TextDecoding.Named(name);
    }

    /// <summary>Counts well-formed multi-byte UTF-8 sequences and invalid bytes.</summary>
    private static (int Valid, int Invalid) CountUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            int ascii = System.Text.Ascii.IsValid(bytes[i..]) ? bytes.Length - i : IndexOfNonAscii(bytes[i..]);
            i += ascii;
            if (i >= bytes.Length)
                break;
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status == System.Buffers.OperationStatus.Done)
                valid++;
            else if (status == System.Buffers.OperationStatus.NeedMoreData)
                break; // a sequence cut off at the end of the file
            else
                invalid++;
            i += Math.Max(consumed, 1);
        }
        return (valid, invalid);
    }

    private static int IndexOfNonAscii(ReadOnlySpan<byte> bytes)
    {
        int n = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        return n < 0 ? bytes.Length : n;
    }

    [GeneratedRegex("""(?:<meta[^>]*?charset\s*=\s*["']?|<\?xml[^>]*?encoding\s*=\s*["'])(?<name>[A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex DeclarationPattern();
}
