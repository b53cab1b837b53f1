namespace Search.Core.Duplicates;

/// <summary>
/// What clustering needs of one article: its shingles (as a set and in text order), its words and
/// their kinds (number, name, other) and its date (to verify a candidate), its MinHash signature (whose band keys find its candidates), and its own
/// cluster key (what its cluster is called when it starts one). Built from the body: headlines are
/// what outlets rewrite. Not stored: made when the document is built (for the band keys) and again
/// from the stored text when a candidate pair is verified, which is rare.
/// </summary>
public sealed class DuplicateFingerprint
{
    /// <summary>Shingles kept per article: the first ones in text order, so a copy trimmed at the end
    /// keeps the same ones (a bound on the work for a book-length text).</summary>
    public const int MaxShingles = 7_000;

    public required long OwnKey { get; init; }
    public required string Id { get; init; }
    private uint[]? _signature;
    /// <summary>The <see cref="MinHashSignature"/> of <see cref="Shingles"/>, made when first asked
    /// for: the band keys need it, verifying a candidate pair does not.</summary>
    public uint[] Signature => _signature ??= MinHashSignature.Compute(Shingles);
    /// <summary>Sorted distinct shingle hashes.</summary>
    public required uint[] Shingles { get; init; }
    /// <summary>yyyyMMdd, or 0 when undated.</summary>
    public int Date { get; init; }
    /// <summary>The shingle at each word position, in text order (<see cref="TextShingles.ShingleSequence(ReadOnlySpan{ulong})"/>).</summary>
    public uint[] Sequence { get; init; } = Array.Empty<uint>();
    /// <summary>The <see cref="TextShingles.WordHashes(string)"/> of the text, in order.</summary>
    public IReadOnlyList<ulong> Words { get; init; } = Array.Empty<ulong>();
    /// <summary>The text it was made from: the kinds of its words (<see cref="Kinds"/>) are read
    /// from it only when a candidate pair gets that far.</summary>
    public string Body { get; init; } = "";
    /// <summary>The article's language code (`en`, `de`, …), or null when not known: copies are only
    /// ever in one language (<see cref="NearDuplicateRule.DifferentLanguages"/>).</summary>
    public string? Language { get; init; }

    private WordKind[]? _kinds;
    /// <summary>Number, name or other, for each word (<see cref="TextShingles.Kinds"/>).</summary>
    public WordKind[] Kinds => _kinds ??= TextShingles.Kinds(Body);

    /// <summary>The fingerprint of an article's body, or null when it is too short to be compared.</summary>
    public static DuplicateFingerprint? Of(string id, string body, string? published, string? language = null)
    {
        var words = TextShingles.WordHashes(body, out ulong bodyHash);
        if (words.Count < NearDuplicateRule.MinWords)
            return null;
        var sequence = TextShingles.ShingleSequence(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words)[..Math.Min(words.Count, MaxShingles + TextShingles.Width - 1)]);
        var shingles = TextShingles.Shingles(sequence);
        return new DuplicateFingerprint
        {
            OwnKey = KeyOf(id, bodyHash),
            Id = id,
            Shingles = shingles,
            Date = ParseDate(published),
            Sequence = sequence,
            Words = words,
            Body = body,
            Language = language,
        };
    }

    /// <summary>A nonzero key from the id and text: stable across rebuilds, and a changed article
    /// does not reuse the key of the cluster its old text may have started.</summary>
    public static long KeyOf(string id, string body) => KeyOf(id, TextShingles.Hash(body));

    /// <summary><see cref="KeyOf(string, string)"/> from the body's <see cref="TextShingles.Hash"/>.</summary>
    public static long KeyOf(string id, ulong bodyHash)
    {
        long key = (long)(TextShingles.Hash(id) ^ TextShingles.Mix(bodyHash + 1)) & long.MaxValue;
        return key == 0 ? 1 : key;
    }

    public static int ParseDate(string? published) =>
        published is { Length: 10 } p && int.TryParse(p.Replace("-", ""), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d) ? d : 0;
}
