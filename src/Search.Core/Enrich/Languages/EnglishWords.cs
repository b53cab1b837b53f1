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
        int i = 0;
        var span = text.AsSpan();
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetter(span[i])) i++;
            int start = i;
            while (i < span.Length && (char.IsLetter(span[i]) || span[i] == '\'')) i++;
            if (i == start)
                break;
            words++;
            var word = span[start..i];
            if (word.Length <= 5 && Lookup.Contains(word))
                english++;
        }
        return words == 0 ? 0 : (double)english / words;
    }
}
