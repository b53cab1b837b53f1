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

    public static double Share(string text)
    {
        int words = 0, english = 0;
        foreach (var (start, length) in WordSpans.Of(text))
        {
            words++;
            if (length <= 5 && Lookup.Contains(text.AsSpan(start, length)))
                english++;
        }
        return words == 0 ? 0 : (double)english / words;
    }

    /// <summary>Whether <paramref name="word"/> is one of these words (any case).</summary>
    public static bool Contains(string word) => Words.Contains(word);
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
