using System.Security.Cryptography;
using System.Text;

namespace Search.Benchmarks.Duplicates;

/// <summary>
/// Solr's TextProfileSignature (after Nutch), the peer the issue names, with Solr's defaults
/// (minTokenLen 2, quantRate 0.01): words of at least two letters or digits, lower-cased; their
/// counts quantised to multiples of max(2, round(maxCount × quantRate)); the words whose quantised
/// count is above zero, most frequent first, hashed with MD5. Equal signatures are one cluster.
/// </summary>
public static class TextProfileSignature
{
    public static string Of(string text, int minTokenLength = 2, float quantRate = 0.01f)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length >= minTokenLength)
            {
                string w = word.ToString();
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
            word.Clear();
        }
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        int max = counts.Count == 0 ? 0 : counts.Values.Max();
        int quant = Math.Max(2, (int)Math.Round(max * quantRate));
        var profile = counts.Select(kv => (Word: kv.Key, Count: kv.Value / quant * quant)).Where(p => p.Count > 0)
            .OrderByDescending(p => p.Count).ThenBy(p => p.Word, StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var (w, n) in profile)
            sb.Append(w).Append(' ').Append(n).Append('\n');
#pragma warning disable CA5351 // MD5 as a non-security fingerprint, as Solr does; kept so the timed peer costs what Solr's does
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
#pragma warning restore CA5351
    }
}
