using UtfUnknown;

namespace Search.Core.Ingest;

/// <summary>
/// The encoding of a text that is not UTF-8 and declares none. Windows-1252 unless the text is
/// mostly letters outside ASCII: Russian in Windows-1251 or KOI8-R, Greek, Chinese, Japanese,
/// Korean. Those are told apart by Mozilla's universal charset detector (UTF.Unknown), asked only
/// then: on English or German in Windows-1252, with a curly quote or an umlaut among plain
/// letters, it guesses Central European or Chinese encodings about half the time, while
/// Windows-1252 reads every such file right.
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
        var (high, latin) = markup ? CountText(head) : Count(head);
        if (high <= NonLatinShare * (high + latin))
            return TextDecoding.Windows1252;
        var found = CharsetDetector.DetectFromBytes(head.ToArray()).Detected;
        return found is { Confidence: >= MinConfidence, EncodingName: { } name } && TextDecoding.Named(name) is { } encoding
            ? encoding
            : TextDecoding.Windows1252;
    }

    private static (int High, int Latin) Count(ReadOnlySpan<byte> bytes)
    {
        int high = 0, latin = 0;
        foreach (byte b in bytes)
        {
            if (b >= 0x80)
                high++;
            else if ((uint)((b | 0x20) - 'a') <= 'z' - 'a')
                latin++;
        }
        return (high, latin);
    }

    /// <summary><see cref="Count"/> over a page's text: outside tags, scripts and styles.</summary>
    private static (int High, int Latin) CountText(ReadOnlySpan<byte> page)
    {
        int high = 0, latin = 0;
        while (!page.IsEmpty)
        {
            int open = page.IndexOf((byte)'<');
            var (h, l) = Count(open < 0 ? page : page[..open]);
            high += h;
            latin += l;
            if (open < 0)
                break;
            page = page[open..];
            int skip = SkipElement(page, "script"u8) ?? SkipElement(page, "style"u8) ?? page.IndexOf((byte)'>');
            if (skip < 0)
                break;
            page = page[(skip + 1)..];
        }
        return (high, latin);
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
