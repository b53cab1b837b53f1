namespace Search.Core.Duplicates;

/// <summary>
/// The words of a text (lower-cased runs of letters and digits: punctuation, case and line breaks
/// do not make two copies differ), their overlapping three-word shingles as 32-bit hashes, and the
/// numbers they state (digit runs and number words), which tell look-alike briefs apart.
/// </summary>
public static class TextShingles
{
    /// <summary>Words per shingle. Three: one changed word breaks three shingles, so a copy with 5%
    /// of its words changed keeps about 85% of them, while unrelated texts share almost none.</summary>
    public const int Width = 3;

    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal)
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "million", "billion", "trillion", "half", "quarter",
    };

    private static readonly HashSet<ulong> NumberWordHashes = NumberWords.Select(Hash).ToHashSet();

    /// <summary>Lower-cased words of <paramref name="text"/>.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>(text.Length / 5);
        Span<char> buffer = stackalloc char[64];
        int length = 0;
        bool overlong = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (length < buffer.Length) buffer[length++] = char.ToLowerInvariant(c);
                else overlong = true;
                continue;
            }
            if (length > 0)
                words.Add(overlong ? new string(buffer) + "…" : new string(buffer[..length]));
            length = 0;
            overlong = false;
        }
        if (length > 0)
            words.Add(overlong ? new string(buffer) + "…" : new string(buffer[..length]));
        return words;
    }

    /// <summary>The <see cref="Hash"/> of each of the <see cref="Words"/> of <paramref name="text"/>,
    /// made without making the words: what fingerprinting every article at index time needs.</summary>
    public static List<ulong> WordHashes(string text) => WordHashes(text, out _);

    /// <summary><see cref="WordHashes(string)"/>, and the <see cref="Hash"/> of the whole text from the same pass.</summary>
    public static List<ulong> WordHashes(string text, out ulong textHash)
    {
        var hashes = new ulong[Math.Max(16, text.Length / 5)];
        int count = WordHashes(text, ref hashes, out textHash);
        var list = new List<ulong>(count);
        list.AddRange(hashes.AsSpan(0, count));
        return list;
    }

    /// <summary><see cref="WordHashes(string)"/> into <paramref name="hashes"/> (made larger when it
    /// must be); returns how many there are. With them, the <see cref="Hash"/> of the whole
    /// text in the same pass over its characters (the article's own cluster key needs both: a
    /// second pass cost as much as a fifth of the sketch, and beside the word hashes the text's
    /// hash is nearly free, its multiplications running alongside theirs).</summary>
    public static int WordHashes(string text, ref ulong[] hashes, out ulong textHash)
    {
        int count = 0;
        ulong h = FnvOffset;
        ulong whole = FnvOffset;
        int length = 0;
        foreach (char c in text)
        {
            whole = (whole ^ c) * FnvPrime;
            // ASCII (most of any English text) without the general Unicode tests; the same answers.
            char lower;
            if (c < 0x80)
            {
                if ((uint)((c | 0x20) - 'a') <= 'z' - 'a') lower = (char)(c | 0x20);
                else if ((uint)(c - '0') <= 9) lower = c;
                else lower = '\0';
            }
            else lower = char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
            if (lower != '\0')
            {
                // As Words: the first 64 characters, and "…" for the rest of an overlong one.
                if (length < 64) { h = (h ^ lower) * FnvPrime; length++; }
                else if (length == 64) { h = (h ^ '…') * FnvPrime; length++; }
                continue;
            }
            if (length > 0)
                Append(ref hashes, ref count, Mix(h));
            h = FnvOffset;
            length = 0;
        }
        if (length > 0)
            Append(ref hashes, ref count, Mix(h));
        textHash = Mix(whole);
        return count;
    }

    private static void Append(ref ulong[] values, ref int count, ulong value)
    {
        if (count == values.Length)
            Array.Resize(ref values, Math.Max(16, 2 * values.Length));
        values[count++] = value;
    }

    /// <summary>Distinct shingle hashes, sorted (so sets intersect by merging).</summary>
    public static uint[] Shingles(IReadOnlyList<string> words)
    {
        var hashes = new ulong[words.Count];
        for (int i = 0; i < words.Count; i++)
            hashes[i] = Hash(words[i]);
        return Shingles(hashes);
    }

    /// <summary>Distinct shingle hashes, sorted, from the words' <see cref="WordHashes(string)"/>.</summary>
    public static uint[] Shingles(ReadOnlySpan<ulong> hashes) => SortedDistinct(ShingleSequence(hashes));

    /// <summary>Distinct shingle hashes, sorted, from a <see cref="ShingleSequence(ReadOnlySpan{ulong})"/> (left as it is).</summary>
    public static uint[] Shingles(uint[] sequence) => SortedDistinct((uint[])sequence.Clone());

    /// <summary>The shingle hash at each word position, in text order (shingle i covers words i to
    /// i + <see cref="Width"/> - 1): what lines two texts up to see where they differ.</summary>
    public static uint[] ShingleSequence(ReadOnlySpan<ulong> hashes)
    {
        if (hashes.Length < Width)
            return Array.Empty<uint>();
        var shingles = new uint[hashes.Length - Width + 1];
        ShingleSequence(hashes, shingles);
        return shingles;
    }

    /// <summary><see cref="ShingleSequence(ReadOnlySpan{ulong})"/> into <paramref name="shingles"/>,
    /// which holds exactly one place per shingle (<paramref name="hashes"/> has at least <see cref="Width"/>).</summary>
    public static void ShingleSequence(ReadOnlySpan<ulong> hashes, Span<uint> shingles)
    {
        for (int i = 0; i < shingles.Length; i++)
        {
            ulong h = hashes[i];
            for (int j = 1; j < Width; j++)
                h = Mix(h * 0x9E3779B97F4A7C15UL + hashes[i + j]);
            shingles[i] = (uint)(h >> 32);
        }
    }

    /// <summary>The <see cref="WordKind"/> of each of the <see cref="Words"/> of <paramref name="text"/>:
    /// numbers (words with a digit: 1987, 5bn; number words) and names (capitalised words that do not start a sentence).
    /// A word starting a sentence is a name too when it is written with a second capital (AVX, MTech,
    /// NEW YORK) or a name follows it (Irving Trust, Atari Corp): the subject a wire brief leads with,
    /// which is what tells two notices written to one template apart.
    /// In a text mostly in capitals, no word is a name: case says nothing there.</summary>
    public static WordKind[] Kinds(string text)
    {
        var kinds = new List<WordKind>(text.Length / 5);
        var leading = new List<int>();
        int length = 0, capitals = 0;
        bool digit = false, capital = false, innerCapital = false, sentenceStart = true;
        ulong h = FnvOffset;
        void End()
        {
            var kind = digit || NumberWordHashes.Contains(Mix(h)) ? WordKind.Number
                : capital && length > 1 && (!sentenceStart || innerCapital) ? WordKind.Name : WordKind.Other;
            if (capital) capitals++;
            if (kind == WordKind.Other && capital && sentenceStart && length > 1)
                leading.Add(kinds.Count);
            kinds.Add(kind);
        }
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (length == 0)
                {
                    capital = char.IsUpper(c);
                    innerCapital = false;
                }
                else if (char.IsUpper(c))
                    innerCapital = true;
                digit |= char.IsDigit(c);
                if (length < 64) h = (h ^ char.ToLowerInvariant(c)) * FnvPrime;
                else if (length == 64) h = (h ^ '…') * FnvPrime;
                length++;
                continue;
            }
            if (length > 0)
            {
                End();
                sentenceStart = false;
            }
            // A line break is not a sentence end: wire copy is wrapped mid-sentence.
            if (c is '.' or '!' or '?' or ':' or '"' or '(' or '-')
                sentenceStart = true;
            h = FnvOffset;
            length = 0;
            digit = false;
        }
        if (length > 0)
            End();
        foreach (int w in leading)
            if (w + 1 < kinds.Count && kinds[w + 1] == WordKind.Name)
                kinds[w] = WordKind.Name;
        if (capitals * 2 > kinds.Count)
            for (int i = 0; i < kinds.Count; i++)
                if (kinds[i] == WordKind.Name)
                    kinds[i] = WordKind.Other;
        return kinds.ToArray();
    }

    /// <summary>Distinct hashes of the numbers a text states: digits with the punctuation inside
    /// a figure kept ("6-1/16", "1.5", "1,500" are one number each, so 6-1/16 and 6-3/16 differ),
    /// and number words ("two billion", looked up in <paramref name="words"/>, the text's
    /// <see cref="Words"/>). At most <paramref name="max"/> of them.</summary>
    public static uint[] Numbers(string text, IReadOnlyList<string> words, int max) =>
        Numbers(text, words.Where(NumberWords.Contains).Select(Hash), max);

    /// <summary><see cref="Numbers(string, IReadOnlyList{string}, int)"/> from the words' <see cref="WordHashes(string)"/>.</summary>
    public static uint[] Numbers(string text, IReadOnlyList<ulong> wordHashes, int max) =>
        Numbers(text, wordHashes.Where(NumberWordHashes.Contains), max);

    private static uint[] Numbers(string text, IEnumerable<ulong> numberWords, int max)
    {
        var numbers = new List<uint>();
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length && numbers.Count < max; i++)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                current.Append(c);
                continue;
            }
            bool joinsDigits = current.Length > 0 && c is '.' or ',' or '/' or '-' && i + 1 < text.Length && char.IsDigit(text[i + 1]);
            if (joinsDigits)
            {
                current.Append(c);
                continue;
            }
            if (current.Length > 0)
            {
                numbers.Add((uint)(Hash(current.ToString()) >> 32));
                current.Clear();
            }
        }
        if (current.Length > 0 && numbers.Count < max)
            numbers.Add((uint)(Hash(current.ToString()) >> 32));
        foreach (ulong w in numberWords)
            if (numbers.Count < max)
                numbers.Add((uint)(w >> 32));
        return SortedDistinct(numbers.ToArray());
    }

    /// <summary>How many shingles of <paramref name="sequence"/> (a text's shingles in text order)
    /// come before the first one that <paramref name="other"/> (a sorted set) has: the text one
    /// article puts before what it shares with another.</summary>
    public static int Lead(ReadOnlySpan<uint> sequence, uint[] other)
    {
        for (int i = 0; i < sequence.Length; i++)
            if (Array.BinarySearch(other, sequence[i]) >= 0)
                return i;
        return sequence.Length;
    }

    /// <summary>How many values two sorted sets share.</summary>
    public static int Overlap(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else { shared++; i++; j++; }
        }
        return shared;
    }

    /// <summary>FNV-1a over the characters, finished with <see cref="Mix"/>: stable across runs and
    /// platforms (string.GetHashCode is randomised per process, and keys are stored).</summary>
    public static ulong Hash(string s)
    {
        ulong h = FnvOffset;
        foreach (char c in s)
        {
            h ^= c;
            h *= FnvPrime;
        }
        return Mix(h);
    }

    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>The SplitMix64 finaliser: spreads every input bit over the whole word.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static uint[] SortedDistinct(uint[] values)
    {
        if (values.Length == 0)
            return values;
        Array.Sort(values);
        int n = 1;
        for (int i = 1; i < values.Length; i++)
            if (values[i] != values[n - 1])
                values[n++] = values[i];
        return n == values.Length ? values : values[..n];
    }
}

/// <summary>What a word is to the look-alike guard: a figure, a name, or any other word.</summary>
public enum WordKind : byte
{
    Other,
    Number,
    Name,
}
