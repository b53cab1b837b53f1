using Lucene.Net.Analysis;

namespace Search.Core.Indexing.Analysis;

/// <summary>
/// Subscript digits read as digits before the words are cut: "CO₂", "H₂O", "PM₂.₅" are the words
/// people type as "CO2", "H2O", "PM2.5". The tokenizer took a subscript for a break ("CO₂" was the
/// word "co"), so neither spelling found the other. One character for one, so every offset the
/// snippets use stays the text's. Superscripts are left: "reported¹" is a word and a footnote.
/// </summary>
public sealed class SubscriptDigits(TextReader input) : CharFilter(input)
{
    private const char SubscriptZero = '\u2080', SubscriptNine = '\u2089';

    protected override int Correct(int currentOff) => currentOff;

    public override int Read(char[] buffer, int index, int count)
    {
        int read = m_input.Read(buffer, index, count);
        if (read > 0)
            ToDigits(buffer.AsSpan(index, read));
        return read;
    }

    public override int Read()
    {
        int c = m_input.Read();
        return c is >= SubscriptZero and <= SubscriptNine ? c - SubscriptZero + '0' : c;
    }

    private static void ToDigits(Span<char> text)
    {
        int i;
        while ((i = text.IndexOfAnyInRange(SubscriptZero, SubscriptNine)) >= 0)
        {
            text[i] = (char)(text[i] - SubscriptZero + '0');
            text = text[(i + 1)..];
        }
    }
}
