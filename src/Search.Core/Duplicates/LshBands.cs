using System.Globalization;

namespace Search.Core.Duplicates;

/// <summary>
/// Locality-sensitive hashing over a <see cref="MinHashSignature"/>: the signature is cut into
/// <see cref="Bands"/> bands of <see cref="Rows"/> values and each band hashed to one key. Two texts
/// sharing any key are candidates. With Jaccard similarity J the chance of sharing one is
/// 1 - (1 - J^3)^40: 0.995 at J = 0.5, 0.93 at 0.4, 0.66 at 0.3, 0.04 at 0.1 — generous on
/// purpose, since every candidate is then verified exactly (<see cref="NearDuplicateRule"/>).
/// </summary>
public static class LshBands
{
    public const int Bands = 40;
    public const int Rows = 3;

    /// <summary>One keyword term per band: the band number and a 48-bit hash of its values, in hex.</summary>
    public static string[] Keys(uint[] signature)
    {
        var keys = new string[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b;
            for (int r = 0; r < Rows; r++)
                h = TextShingles.Mix(h * 0x9E3779B97F4A7C15UL + signature[b * Rows + r]);
            keys[b] = b.ToString("x2", CultureInfo.InvariantCulture) + (h >> 16).ToString("x12", CultureInfo.InvariantCulture);
        }
        return keys;
    }
}
