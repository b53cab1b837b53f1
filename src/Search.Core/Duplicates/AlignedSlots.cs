namespace Search.Core.Duplicates;

/// <summary>
/// Where two texts say the same thing, do they state the same figures and names? Lines the texts
/// up by their shared shingles and counts, in the first text, the numbers and names inside shared
/// text (kept), and those changed: where both texts run on with the same words around a short
/// stretch that differs, or where they part or meet again, a number put for another number, a
/// name for another name. A look-alike
/// brief is one template with other figures or other companies: its shared text is full of changed
/// slots. A rewritten copy (trimmed, another paragraph inserted, a dateline added, a few words
/// replaced) changes slots rarely: trimming and insertion are not substitutions, and a replaced
/// word is seldom a figure put for a figure or a name for a name.
/// </summary>
public static class AlignedSlots
{
    /// <summary>Longest differing stretch read as a substitution when both sides have as many words
    /// (compared word by word: "on 6 February. Gray, 58" with two figures changed is five words).</summary>
    public const int MaxEqualGap = 8;

    /// <summary>Longest differing stretch read as a substitution when the sides differ in length
    /// ("1.5 billion" for "two billion"): one change at most is counted for it.</summary>
    public const int MaxUnequalGap = 3;

    /// <summary>Numbers and names of the first text kept in shared text, and changed for others.</summary>
    /// <param name="Rewritten">Words of the first text in passages (longer than <see cref="MaxEqualGap"/>
    /// on both sides) where both texts say other things between shared text: not an insertion, a
    /// cut or a replaced word, but another text in the same frame (answers to one list of questions).</param>
    /// <param name="Span">Words of the first text from its first shared word to its last.</param>
    public readonly record struct Tally(int NumbersKept, int NumbersChanged, int NamesKept, int NamesChanged, int Rewritten = 0, int Span = 0);

    public static Tally Compare(DuplicateFingerprint first, DuplicateFingerprint second)
    {
        var kindsA = first.Kinds;
        var kindsB = second.Kinds;
        int width = TextShingles.Width;
        var covered = new bool[kindsA.Length];
        var chain = Anchors(first.Sequence, second.Sequence, covered);
        int numbersChanged = 0, namesChanged = 0, rewritten = 0;
        void Count(WordKind ka, WordKind kb)
        {
            if (ka == WordKind.Number && kb == WordKind.Number) numbersChanged++;
            else if (ka == WordKind.Name && kb == WordKind.Name) namesChanged++;
        }
        // Where the texts part (shared words, then different ones), the first words after the
        // shared run; where they meet again, the last words before it: "trading at 6-5/16 pct when"
        // and "trading at 6-3/16 pct at the time" differ in a figure though nothing shared follows.
        void Edge(int a, int b)
        {
            if (a >= 0 && b >= 0 && !Same(first, a, second, b))
                Count(KindAt(kindsA, a), KindAt(kindsB, b));
        }
        // Differing stretches: between two shared runs, and before the first one when both texts
        // open with words of their own (a dateline and subject of another brief to one template:
        // "NEW YORK, March 9 - MTech Corp said it filed" and "..., April 8 - AVX Corp said it filed").
        // A text with words before the shared run that the other has not is an insertion.
        void Stretch(int startA, int endA, int startB, int endB, bool inside)
        {
            int gapA = endA - startA, gapB = endB - startB;
            if (gapA <= 0 || gapB <= 0)
                return; // shared text on, or words on one side only (an insertion, a cut)
            int different = 0;
            for (int w = startA; w < endA && w < covered.Length; w++)
                if (!covered[w]) different++;
            if (different == 0)
                return; // shared all along, only in phrases either text says twice
            if (inside && gapA > MaxEqualGap && gapB > MaxEqualGap)
                rewritten += different;
            if (gapA == gapB && gapA <= MaxEqualGap)
            {
                for (int k = 0; k < gapA; k++)
                    if (!Same(first, startA + k, second, startB + k))
                        Count(KindAt(kindsA, startA + k), KindAt(kindsB, startB + k));
            }
            else if (gapA <= MaxUnequalGap && gapB <= MaxUnequalGap)
            {
                if (Has(kindsA, startA, gapA, WordKind.Number) && Has(kindsB, startB, gapB, WordKind.Number))
                    numbersChanged++;
                else if (Has(kindsA, startA, gapA, WordKind.Name) && Has(kindsB, startB, gapB, WordKind.Name))
                    namesChanged++;
            }
            else
            {
                // Longer, of unequal lengths: the words where the texts part and meet again, and, in
                // a short stretch, names on both sides of which none is the same ("Mercantile Bancorp
                // said its Mercantile Bank" for "Boatmen's Bancshares said its Boatmen's National Bank").
                Edge(startA, startB);
                Edge(endA - 1, endB - 1);
                if (!inside)
                    namesChanged += OwnNames(first, startA, endA, second, startB, endB);
                else if (gapA <= MaxEqualGap && gapB <= MaxEqualGap && OwnNames(first, startA, endA, second, startB, endB) > 0)
                    namesChanged++;
            }
        }
        if (chain.Count > 0)
            Stretch(0, chain[0].I, 0, chain[0].J, inside: false);
        for (int n = 1; n < chain.Count; n++)
        {
            var (lastI, lastJ) = chain[n - 1];
            var (i, j) = chain[n];
            Stretch(lastI + width, i, lastJ + width, j, inside: true);
        }
        if (chain.Count > 0)
            Edge(chain[^1].I + width, chain[^1].J + width);
        int numbersKept = 0, namesKept = 0;
        for (int w = 0; w < covered.Length; w++)
        {
            if (!covered[w])
                continue;
            if (kindsA[w] == WordKind.Number) numbersKept++;
            else if (kindsA[w] == WordKind.Name) namesKept++;
        }
        int span = chain.Count == 0 ? 0 : chain[^1].I + width - chain[0].I;
        return new Tally(numbersKept, numbersChanged, namesKept, namesChanged, rewritten, span);
    }

    /// <summary>How the two texts line up: shingles found once in each, as (position in the first,
    /// position in the second), the longest chain in order in both (as patience diff does: a phrase
    /// said twice, or a sentence moved, does not pull the alignment off). Marks in
    /// <paramref name="covered"/> the first text's words inside any shingle the second has.</summary>
    private static List<(int I, int J)> Anchors(uint[] a, uint[] b, bool[] covered)
    {
        var inB = new Dictionary<uint, int>(b.Length);
        for (int j = 0; j < b.Length; j++)
            inB[b[j]] = inB.ContainsKey(b[j]) ? -1 : j;
        var onceInA = new Dictionary<uint, int>(a.Length);
        for (int i = 0; i < a.Length; i++)
            onceInA[a[i]] = onceInA.ContainsKey(a[i]) ? -1 : i;
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < a.Length; i++)
        {
            if (!inB.TryGetValue(a[i], out int j))
                continue;
            for (int w = i; w < i + TextShingles.Width && w < covered.Length; w++)
                covered[w] = true;
            if (j >= 0 && onceInA[a[i]] == i)
                pairs.Add((i, j));
        }
        // Longest increasing run of J (pairs are in order of I): patience sorting.
        var tails = new List<int>();
        var previous = new int[pairs.Count];
        for (int p = 0; p < pairs.Count; p++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (pairs[tails[mid]].J < pairs[p].J) lo = mid + 1; else hi = mid;
            }
            previous[p] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(p); else tails[lo] = p;
        }
        var chain = new List<(int I, int J)>(tails.Count);
        for (int p = tails.Count == 0 ? -1 : tails[^1]; p >= 0; p = previous[p])
            chain.Add(pairs[p]);
        chain.Reverse();
        return chain;
    }

    private static bool Same(DuplicateFingerprint a, int i, DuplicateFingerprint b, int j) =>
        i >= a.Words.Count || j >= b.Words.Count || a.Words[i] == b.Words[j];

    private static WordKind KindAt(WordKind[] kinds, int w) => w < kinds.Length ? kinds[w] : WordKind.Other;

    /// <summary>Names each stretch has that the other has not, the fewer of the two counts: in two
    /// leads, "CHICAGO, April 1 - Northern Trust Co said it is raising" and "CHICAGO, April 2 - First
    /// Chicago Corp said its First National Bank of Chicago raised", three (Northern, Trust, Co).
    /// Zero when either side has no name of its own (a name added or cut, not another one).</summary>
    private static int OwnNames(DuplicateFingerprint a, int startA, int endA, DuplicateFingerprint b, int startB, int endB)
    {
        var namesA = Names(a, startA, endA);
        var namesB = Names(b, startB, endB);
        int onlyA = namesA.Count(n => !namesB.Contains(n));
        int onlyB = namesB.Count(n => !namesA.Contains(n));
        return Math.Min(onlyA, onlyB);
    }

    private static HashSet<ulong> Names(DuplicateFingerprint text, int start, int end)
    {
        var names = new HashSet<ulong>();
        for (int w = start; w < end && w < text.Kinds.Length && w < text.Words.Count; w++)
            if (text.Kinds[w] == WordKind.Name)
                names.Add(text.Words[w]);
        return names;
    }

    private static bool Has(WordKind[] kinds, int start, int length, WordKind kind)
    {
        for (int w = start; w < start + length && w < kinds.Length; w++)
            if (kinds[w] == kind)
                return true;
        return false;
    }
}
