using System.Globalization;
using System.Text;

namespace Search.Benchmarks.Extraction;

/// <summary>
/// The article-extraction-benchmark's body metric, exactly as its <c>evaluate.py</c> computes it:
/// tokens are Python's <c>\w+</c> (letters, decimal/digit/numeric characters and '_', per code
/// point, case kept); shingles are 4-token n-grams (a text of fewer than 4 tokens is one shingle);
/// per page, true/false positives and false negatives are multiset overlaps of shingles, normalised
/// by their sum; corpus precision and recall are means over the pages where they are defined, and
/// F1 is their harmonic mean.
/// </summary>
public static class ShingleMetric
{
    public const int N = 4;

    public readonly record struct Counts(double Tp, double Fp, double Fn);

    public readonly record struct Score(double F1, double Precision, double Recall);

    public static Counts Compare(string truth, string predicted)
    {
        var t = Shingles(truth);
        var p = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (string key in t.Keys.Union(p.Keys))
        {
            int tc = t.GetValueOrDefault(key), pc = p.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fp += Math.Max(0, pc - tc);
            fn += Math.Max(0, tc - pc);
        }
        double s = tp + fp + fn;
        return s > 0 ? new(tp / s, fp / s, fn / s) : new(0, 0, 0);
    }

    public static Score Aggregate(IReadOnlyList<Counts> pages)
    {
        var precisions = pages.Where(c => c.Tp + c.Fp > 0).Select(c => PrecisionOf(c)).ToList();
        var recalls = pages.Where(c => c.Tp + c.Fn > 0).Select(c => RecallOf(c)).ToList();
        double precision = precisions.Count == 0 ? 0 : precisions.Average();
        double recall = recalls.Count == 0 ? 0 : recalls.Average();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new(f1, precision, recall);
    }

    public static double PrecisionOf(Counts c) => c.Fp == 0 && c.Fn == 0 ? 1 : c.Tp == 0 && c.Fp == 0 ? 0 : c.Tp / (c.Tp + c.Fp);

    public static double RecallOf(Counts c) => c.Fp == 0 && c.Fn == 0 ? 1 : c.Tp == 0 && c.Fn == 0 ? 0 : c.Tp / (c.Tp + c.Fn);

    /// <summary>Python <c>re.findall(r'\w+', text)</c> with <c>re.UNICODE</c>.</summary>
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
            return tokens;
        var current = new StringBuilder();
        foreach (Rune r in text.EnumerateRunes())
        {
            if (IsWord(r))
                current.Append(r.ToString());
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
            tokens.Add(current.ToString());
        return tokens;
    }

    /// <summary>Python's <c>str.isalnum()</c> or '_': letters (L*), and Nd, Nl, No numbers.
    /// Unlike .NET's <c>\w</c>, combining marks (Mn) and other connector punctuation are not word characters.</summary>
    private static bool IsWord(Rune r)
    {
        if (r.Value == '_')
            return true;
        UnicodeCategory c = Rune.GetUnicodeCategory(r);
        return c is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        List<string> tokens = Tokens(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Math.Max(1, tokens.Count - N + 1); i++)
        {
            int n = Math.Min(N, tokens.Count - i);
            if (n <= 0)
                continue;
            string key = string.Join('\u0001', tokens.GetRange(i, n));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }
        return shingles;
    }
}
