using UtfUnknown;

namespace Search.Core.Ingest;

/// <summary>
/// The encoding of a text that is not UTF-8 and declares none. A text mostly of letters outside
/// ASCII (Russian in Windows-1251 or KOI8-R, Greek, Chinese, Japanese, Korean) is told apart by
/// Mozilla's universal charset detector (UTF.Unknown), asked only then: on English or German in
/// Windows-1252, with a curly quote or an umlaut among plain letters, it guesses Central European
/// or Chinese encodings about half the time. A Latin-script text is Windows-1252 unless its
/// accented letters are a Central European language's (<see cref="LatinCodePages"/>: Windows-1250
/// or ISO-8859-2).
/// </summary>
public static class LegacyEncoding
{
    /// <summary>Share of non-ASCII bytes among them and the ASCII letters above which a text is
    /// not in a Latin script (Western and Central European text stays far below it: a few
    /// accented letters among plain ones; Cyrillic, Greek and CJK text far above).</summary>
    private const double NonLatinShare = 0.5;

    /// <summary>Confidence below which the detector's answer is not taken.</summary>
    private const float MinConfidence = 0.5f;

    /// <summary>The encoding of <paramref name="head"/> (the start of a text that is not UTF-8);
    /// with <paramref name="markup"/>, a web page's, whose tags, scripts and styles are not counted.</summary>
    public static Encoding Of(ReadOnlySpan<byte> head, bool markup = false)
    {
        Span<int> inner = stackalloc int[0x80];
        int high = 0;
        int latin = markup ? CountText(head, inner, ref high) : Count(head, inner, ref high);
        if (high <= NonLatinShare * (high + latin))
            return LatinCodePages.Of(inner);
        var found = CharsetDetector.DetectFromBytes(head.ToArray()).Detected;
        return found is { Confidence: >= MinConfidence, EncodingName: { } name } && TextDecoding.Named(name) is { } encoding
            ? encoding
            : TextDecoding.Windows1252;
    }

    /// <summary>Counts the bytes from 0x80 up into <paramref name="high"/>, and each of them that
    /// stands inside a word (a letter or such a byte on either side) into <paramref name="inner"/>
    /// (index 0 for 0x80): a code page's letters stand there, its quotation marks and symbols
    /// beside spaces and punctuation. The number of ASCII letters.</summary>
    private static int Count(ReadOnlySpan<byte> bytes, Span<int> inner, ref int high)
    {
        int latin = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b >= 0x80)
            {
                high++;
                if (i > 0 && i + 1 < bytes.Length && InWord(bytes[i - 1]) && InWord(bytes[i + 1]))
                    inner[b - 0x80]++;
            }
            else if (IsAsciiLetter(b))
            {
                latin++;
            }
        }
        return latin;
    }

    private static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool InWord(byte b) => b >= 0x80 || IsAsciiLetter(b);

    /// <summary><see cref="Count"/> over a page's text: outside tags, scripts and styles.</summary>
    private static int CountText(ReadOnlySpan<byte> page, Span<int> inner, ref int high)
    {
        int latin = 0;
        while (!page.IsEmpty)
        {
            int open = page.IndexOf((byte)'<');
            latin += Count(open < 0 ? page : page[..open], inner, ref high);
            if (open < 0)
                break;
            page = page[open..];
            int skip = SkipElement(page, "script"u8) ?? SkipElement(page, "style"u8) ?? page.IndexOf((byte)'>');
            if (skip < 0)
                break;
            page = page[(skip + 1)..];
        }
        return latin;
    }

    /// <summary>Where the element <paramref name="name"/> that <paramref name="page"/> starts with
    /// ends (its closing tag's '>'), or null when it does not start with it.</summary>
    private static int? SkipElement(ReadOnlySpan<byte> page, ReadOnlySpan<byte> name)
    {
        if (page.Length <= name.Length + 1 || !Ascii.EqualsIgnoreCase(page.Slice(1, name.Length), name))
            return null;
        int close = IndexOfIgnoreCase(page, "</"u8, name);
        if (close < 0)
            return page.Length - 1;
        int end = page[close..].IndexOf((byte)'>');
        return end < 0 ? page.Length - 1 : close + end;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> page, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> name)
    {
        for (int from = 0; ;)
        {
            int at = page[from..].IndexOf(prefix);
            if (at < 0)
                return -1;
            at += from;
            if (page.Length >= at + prefix.Length + name.Length && Ascii.EqualsIgnoreCase(page.Slice(at + prefix.Length, name.Length), name))
                return at;
            from = at + 1;
        }
    }
}
