using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// "Did you mean": respells the words of a query that the index does not know (or barely knows)
/// to the closest word it knows well, using Lucene's FuzzyTermsEnum over the exact (unstemmed)
/// terms of title and body, so suggestions are real words as written (`kazakstan` → `kazakhstan`).
/// Operators, field names, ranges, phrases' quotes and wildcards are left as typed.
/// </summary>
public static partial class SpellingSuggester
{
    /// <summary>Longer words are not respelled.</summary>
    public const int MaxWordLength = 40;

    public static string? Suggest(IndexReader reader, string query)
    {
        bool changed = false;
        var result = new StringBuilder(query.Length);
        int last = 0;
        foreach (Match m in Word().Matches(query))
        {
            string word = m.Value;
            if (word is "AND" or "OR" or "NOT" or "TO" || IsFieldName(query, m) || IsPattern(query, m) || InRange(query, m.Index))
                continue;
            string? better = Respell(reader, word.ToLowerInvariant());
            if (better == null)
                continue;
            result.Append(query, last, m.Index - last).Append(better);
            last = m.Index + m.Length;
            changed = true;
        }
        if (!changed)
            return null;
        result.Append(query, last, query.Length - last);
        return result.ToString();
    }

    private static string? Respell(IndexReader reader, string word)
    {
        // Lucene builds a Levenshtein automaton the size of the word: a 30,000-letter "word" (a
        // pasted blob) took 20 s. No real word is longer than MaxWordLength.
        if (word.Length < 3 || word.Length > MaxWordLength || word.Any(char.IsDigit))
            return null;
        int own = 0;
        foreach (string field in Schema.TextFields)
            own += reader.DocFreq(new Term(field, Schema.ExactMarker + word));
        // A word the index already has is respelled only to one far more common (a typo that
        // happens to occur somewhere); an unknown word to the closest known one.
        int minFreq = own * 3 + 1;
        string? best = null;
        float bestBoost = -1;
        int bestFreq = 0;
        foreach (string field in Schema.TextFields)
        {
            var terms = MultiFields.GetTerms(reader, field);
            if (terms == null)
                continue;
            var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, Schema.ExactMarker + word),
                word.Length <= 4 ? 1 : 2, prefixLength: 1, transpositions: true);
            var boost = fuzzy.Attributes.AddAttribute<IBoostAttribute>();
            while (fuzzy.MoveNext())
            {
                var candidate = fuzzy.Term;
                int freq = fuzzy.DocFreq;
                if (freq < minFreq)
                    continue;
                string text = candidate.Utf8ToString();
                if (text.Length < 2 || text[0] != Schema.ExactMarker || text[1..] == word)
                    continue;
                if (boost.Boost > bestBoost || (boost.Boost == bestBoost && freq > bestFreq))
                {
                    best = text[1..];
                    bestBoost = boost.Boost;
                    bestFreq = freq;
                }
            }
        }
        return best;
    }

    private static bool IsFieldName(string query, Match m) =>
        m.Index + m.Length < query.Length && query[m.Index + m.Length] == ':';

    private static bool IsPattern(string query, Match m)
    {
        int end = m.Index + m.Length;
        return end < query.Length && (query[end] is '*' or '?' or '~');
    }

    private static bool InRange(string query, int index)
    {
        int open = query.LastIndexOfAny(new[] { '[', '{' }, Math.Max(0, index - 1));
        int close = query.LastIndexOfAny(new[] { ']', '}' }, Math.Max(0, index - 1));
        return open >= 0 && open > close;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])\p{L}[\p{L}\p{N}']*")]
    private static partial Regex Word();
}
