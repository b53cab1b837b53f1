namespace Search.Core.Enrich.Languages;

/// <summary>The share of a text's words that are English function words: a cheap, reliable sign
/// of English prose (these few words are a third or more of any English sentence, and rare as
/// words in other languages written in Latin letters).</summary>
internal static class EnglishWords
{
    // Articles, pronouns, auxiliaries, prepositions and conjunctions. Left out on purpose: words
    // as common in other Latin-script languages ("a", "in", "an", "is", "no", "on", "also", "was",
    // "will", "over", "die", "had").
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "that", "for", "it", "with", "as", "by", "at",
        "be", "are", "from", "this", "have", "has", "not", "but", "they", "were", "been",
        "which", "who", "their", "would", "its", "or", "he", "she", "his", "we", "you",
        "said", "there", "than", "more", "about", "after", "into", "could", "can",
        "our", "them", "when", "what", "if", "up", "out", "new", "one", "all", "last",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>For each length, a bit per ASCII letter (a–z, either case) that starts one of the
    /// words of that length: most words of a text are turned down here, without the set's lookup.</summary>
    private static readonly uint[] Starts = MakeStarts();

    private static uint[] MakeStarts()
    {
        var starts = new uint[8];
        foreach (string w in Words)
            starts[w.Length] |= 1u << (char.ToLowerInvariant(w[0]) - 'a');
        return starts;
    }

    /// <summary>Whether the word of <paramref name="length"/> letters starting with <paramref name="first"/>
    /// may be one of these (a non-ASCII first letter may: the set decides).</summary>
    private static bool MayBe(char first, int length) =>
        first >= 0x80 || ((uint)((first | 0x20) - 'a') <= 'z' - 'a' && (Starts[length] & (1u << ((first | 0x20) - 'a'))) != 0);

    /// <summary>The share of <paramref name="text"/>'s words (as <see cref="WordSpans"/> reads them) that are these words.</summary>
    public static double Share(string text)
    {
        // WordSpans.Of's loop written out: this runs on every article of a build (docs/languages.md).
        int words = 0, english = 0, i = 0;
        ReadOnlySpan<char> s = text;
        while (true)
        {
            while (i < s.Length && !char.IsLetter(s[i])) i++;
            if (i == s.Length)
                break;
            int start = i;
            while (i < s.Length && (char.IsLetter(s[i]) || s[i] == '\'')) i++;
            words++;
            int length = i - start;
            if (length is >= 2 and <= 5 && MayBe(s[start], length) && Lookup.Contains(s.Slice(start, length)))
                english++;
        }
        return words == 0 ? 0 : (double)english / words;
    }

    /// <summary>Whether <paramref name="word"/> is one of these words (any case).</summary>
    public static bool Contains(string word) => Words.Contains(word);

    /// <summary>Whether <paramref name="word"/> is one of these words (any case).</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}

/// <summary>The words of a text as the detector counts them: runs of letters (and apostrophes).</summary>
internal static class WordSpans
{
    public static IEnumerable<(int Start, int Length)> Of(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'')) i++;
            if (i == start)
                yield break;
            yield return (start, i - start);
        }
    }

    public static IEnumerable<string> Words(string text) => Of(text).Select(s => text.Substring(s.Start, s.Length));
}
