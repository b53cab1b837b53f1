using System.Buffers;
using System.Text;

namespace Search.Core.Ingest.Unicode;

/// <summary>
/// Unicode's canonical composition (NFC), from the tables in <see cref="CompositionData"/>: the
/// program runs with invariant globalization, where .NET's <c>string.Normalize</c> leaves text as
/// it is. The algorithm is Unicode's (UAX #15): decompose, put each run of combining marks in the
/// canonical order, then compose each starter with the marks that follow it unless blocked.
/// A lone surrogate is kept as it is.
/// </summary>
public static class CanonicalComposition
{
    private const int HangulBase = 0xAC00, LeadBase = 0x1100, VowelBase = 0x1161, TrailBase = 0x11A7;
    private const int LeadCount = 19, VowelCount = 21, TrailCount = 28, SyllableCount = 11172;

    // One bit per character of the basic plane: can it make a text not composed? High surrogates
    // are set, and the code point they start is looked up among those above the plane.
    private static readonly ulong[] MaybeNotComposedBits = BasicPlaneBits();
    private static readonly SearchValues<char> MaybeNotComposedChars = SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Where(c => MaybeChanges((char)c)).Select(c => (char)c)]);
    private static readonly HashSet<int> MaybeNotComposedAbove = [.. CompositionData.MaybeNotComposed.Where(cp => cp >= 0x10000)];

    /// <summary>True when <paramref name="text"/> is certainly composed: it holds nothing that
    /// composition could change. Found without allocating, at vector speed.</summary>
    public static bool IsComposed(ReadOnlySpan<char> text) => NextMaybe(text, 0) < 0;

    /// <summary><paramref name="text"/> in composed form; the same instance when it already is.
    /// Only the stretches around characters that may change are worked on: each from the last
    /// character before it that nothing can join (a starter that is no second of a pair) to the
    /// next such character, which composition never crosses.</summary>
    public static string Compose(string text)
    {
        int next = NextMaybe(text, 0);
        if (next < 0)
            return text;
        var composed = new StringBuilder(text.Length);
        var points = new List<int>();
        int copied = 0;
        while (next >= 0)
        {
            int start = next;
            while (start > copied && !IsStable(text[start]))
                start--;
            int end = next + 1;
            while (end < text.Length && !IsStable(text[end]))
                end++;
            composed.Append(text, copied, start - copied);
            AppendComposed(text.AsSpan(start, end - start), points, composed);
            copied = end;
            next = NextMaybe(text, end);
        }
        composed.Append(text, copied, text.Length - copied);
        string result = composed.ToString();
        return result == text ? text : result;
    }

    /// <summary>Where the first character at or after <paramref name="from"/> that may change
    /// (alone or with what precedes it) is; -1 when none.</summary>
    private static int NextMaybe(ReadOnlySpan<char> text, int from)
    {
        int i = from;
        while (true)
        {
            int at = text[i..].IndexOfAny(MaybeNotComposedChars);
            if (at < 0)
                return -1;
            i += at;
            char c = text[i];
            if (!char.IsHighSurrogate(c))
                return i;
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && MaybeNotComposedAbove.Contains(char.ConvertToUtf32(c, text[i + 1])))
                return i;
            i++;
        }
    }

    private static bool MaybeChanges(char c) => (MaybeNotComposedBits[c >> 6] & (1UL << (c & 63))) != 0;

    /// <summary>A starter that stays as it is and that nothing before it can join: composition
    /// never crosses it. Surrogates are not, whatever they stand for (they are worked on).</summary>
    private static bool IsStable(char c) => !MaybeChanges(c) && !char.IsSurrogate(c);

    private static void AppendComposed(ReadOnlySpan<char> stretch, List<int> points, StringBuilder into)
    {
        points.Clear();
        for (int i = 0; i < stretch.Length; i++)
        {
            char c = stretch[i];
            if (char.IsHighSurrogate(c) && i + 1 < stretch.Length && char.IsLowSurrogate(stretch[i + 1]))
                Decompose(char.ConvertToUtf32(c, stretch[++i]), points);
            else
                Decompose(c, points);
        }
        OrderMarks(points);
        ComposeInPlace(points);
        foreach (int cp in points)
        {
            if (cp >= 0x10000)
                into.Append(char.ConvertFromUtf32(cp));
            else
                into.Append((char)cp);
        }
    }

    private static ulong[] BasicPlaneBits()
    {
        var bits = new ulong[0x10000 / 64];
        foreach (int cp in CompositionData.MaybeNotComposed.Where(cp => cp < 0x10000).Concat(Enumerable.Range(0xD800, 0x400)))
            bits[cp >> 6] |= 1UL << (cp & 63);
        return bits;
    }

    private static void Decompose(int cp, List<int> into)
    {
        int s = cp - HangulBase;
        if (s is >= 0 and < SyllableCount)
        {
            into.Add(LeadBase + s / (VowelCount * TrailCount));
            into.Add(VowelBase + s % (VowelCount * TrailCount) / TrailCount);
            if (s % TrailCount != 0)
                into.Add(TrailBase + s % TrailCount);
            return;
        }
        int k = Array.BinarySearch(CompositionData.DecomposedKeys, cp);
        if (k < 0)
        {
            into.Add(cp);
            return;
        }
        for (int j = CompositionData.DecompositionStarts[k]; j < CompositionData.DecompositionStarts[k + 1]; j++)
            into.Add(CompositionData.Decompositions[j]);
    }

    /// <summary>Canonical ordering: within a run of combining marks, a mark of a lower class moves
    /// before one of a higher class; marks of one class keep their order.</summary>
    private static void OrderMarks(List<int> points)
    {
        for (int i = 1; i < points.Count; i++)
        {
            int cc = ClassOf(points[i]);
            if (cc == 0)
                continue;
            for (int j = i; j > 0 && ClassOf(points[j - 1]) > cc; j--)
                (points[j - 1], points[j]) = (points[j], points[j - 1]);
        }
    }

    /// <summary>Each starter takes the marks after it that compose with it, unless a mark between
    /// them is of the same or a higher class, or a starter (blocked).</summary>
    private static void ComposeInPlace(List<int> points)
    {
        int starterAt = -1, lastClass = 0, kept = 0;
        for (int i = 0; i < points.Count; i++)
        {
            int cp = points[i];
            int cc = ClassOf(cp);
            bool adjacent = starterAt == kept - 1;
            if (starterAt >= 0 && (adjacent || (lastClass != 0 && lastClass < cc)) && Pair(points[starterAt], cp) is var composite and >= 0)
            {
                points[starterAt] = composite;
                continue;
            }
            if (cc == 0)
                starterAt = kept;
            lastClass = cc;
            points[kept++] = cp;
        }
        points.RemoveRange(kept, points.Count - kept);
    }

    private static int Pair(int first, int second)
    {
        int lead = first - LeadBase, vowel = second - VowelBase;
        if (lead is >= 0 and < LeadCount && vowel is >= 0 and < VowelCount)
            return HangulBase + (lead * VowelCount + vowel) * TrailCount;
        int syllable = first - HangulBase, trail = second - TrailBase;
        if (syllable is >= 0 and < SyllableCount && syllable % TrailCount == 0 && trail is > 0 and < TrailCount)
            return first + trail;
        int k = Array.BinarySearch(CompositionData.CompositionKeys, ((long)first << 21) | (uint)second);
        return k < 0 ? -1 : CompositionData.Compositions[k];
    }

    private static int ClassOf(int cp)
    {
        if (cp < 0x300)
            return 0;
        int k = Array.BinarySearch(CompositionData.CombiningKeys, cp);
        return k < 0 ? 0 : CompositionData.CombiningClasses[k];
    }
}
