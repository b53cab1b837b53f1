using System.Buffers;
using System.Text;

namespace Search.Core.Ingest;

/// <summary>
/// Text with each accented letter as one character (Unicode's composed form, NFC) and the Latin
/// typographic ligatures spelt out. A Mac, a PDF or a CMS may write "é" as "e" followed by a
/// combining accent and "fi" as the one character "ﬁ": they look the same, but the tokenizer, the
/// stemmers, language detection and a query typed as "café" or "financial" see different words.
/// Articles are put in this form as they are read, before anything looks at their words, and query
/// text likewise, so both sides meet. Only forms that are the same letters change: compatibility
/// forms that read differently (², ½, full-width letters) stay as written.
/// </summary>
public static class ComposedLetters
{
    // U+FB00–U+FB06: ff, fi, fl, ffi, ffl, long s t, st. The only ligatures a news text meets in
    // practice (from PDFs); none of them is a letter of any language's alphabet.
    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];
    private const char FirstLigature = '\uFB00';
    private static readonly SearchValues<char> LigatureChars = SearchValues.Create("\uFB00\uFB01\uFB02\uFB03\uFB04\uFB05\uFB06");

    /// <summary><paramref name="text"/> in composed form without ligatures; the same instance when
    /// it already is (the common case, found without allocating).</summary>
    public static string Of(string text)
    {
        if (text.AsSpan().ContainsAny(LigatureChars))
            text = SpellOutLigatures(text);
        return Unicode.CanonicalComposition.Compose(text);
    }

    private static string SpellOutLigatures(string text)
    {
        var spelt = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (LigatureChars.Contains(c))
                spelt.Append(Ligatures[c - FirstLigature]);
            else
                spelt.Append(c);
        }
        return spelt.ToString();
    }
}
