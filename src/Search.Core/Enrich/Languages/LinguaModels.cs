using System.Globalization;
using System.Runtime.InteropServices;
using System.IO.Compression;
using System.Text.Json;
using Lingua;

namespace Search.Core.Enrich.Languages;

/// <summary>
/// Lingua's unigram, bigram and trigram models of a group of languages (the files its package
/// ships beside the program), as one table: for each n-gram, the languages whose model holds it and
/// the natural logarithm of its probability in each. A text's n-grams are then looked up once for
/// all the languages instead of once per language, and without a string per lookup.
/// </summary>
internal sealed class LinguaModels
{
    private readonly Dictionary<ulong, (int Start, int Count)> _rows;
    private readonly byte[] _languages;
    private readonly double[] _logs;

    private LinguaModels(IReadOnlyList<Language> group, Dictionary<ulong, (int, int)> rows, byte[] languages, double[] logs)
    {
        Group = group;
        _rows = rows;
        _languages = languages;
        _logs = logs;
    }

    /// <summary>The languages, in the order their indexes in <see cref="Row"/> refer to.</summary>
    public IReadOnlyList<Language> Group { get; }

    /// <summary>Where Lingua's package puts its models beside the program.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels");

    /// <summary>The languages whose model holds the n-gram (as indexes into <see cref="Group"/>) and its
    /// logarithmic probability in each.</summary>
    public (ReadOnlyMemory<byte> Languages, ReadOnlyMemory<double> Logs) Row(ulong key) =>
        _rows.TryGetValue(key, out var row) ? (_languages.AsMemory(row.Start, row.Count), _logs.AsMemory(row.Start, row.Count)) : default;

    /// <summary>An n-gram of one to three characters packed in one number (its length above them).</summary>
    public static ulong Key(ReadOnlySpan<char> ngram)
    {
        ulong key = (ulong)ngram.Length << 48;
        for (int i = 0; i < ngram.Length; i++)
            key |= (ulong)ngram[i] << (16 * i);
        return key;
    }

    /// <summary>The key of the n-gram's first <paramref name="length"/> characters.</summary>
    public static ulong Prefix(ulong key, int length) =>
        ((ulong)length << 48) | (key & ((1UL << (16 * length)) - 1));

    /// <summary>Reads the models of these languages (at most 255), or null when one cannot be read.</summary>
    public static LinguaModels? Read(IReadOnlyList<Language> group)
    {
        var entries = new List<(ulong Key, byte Language, double Log)>();
        try
        {
            for (int index = 0; index < group.Count; index++)
            {
                string folder = Path.Combine(Directory, group[index].IsoCode6391().ToString().ToLowerInvariant());
                foreach (string name in (string[])["unigrams", "bigrams", "trigrams"])
                {
                    string file = Path.Combine(folder, name + ".json.br");
                    if (File.Exists(file)) // Lingua reads a missing model as an empty one
                        ReadModel(file, (byte)index, entries);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
        // One sort puts each n-gram's languages side by side: a row each, no list per n-gram.
        var sorted = CollectionsMarshal.AsSpan(entries);
        sorted.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Language.CompareTo(b.Language));
        var rows = new Dictionary<ulong, (int, int)>();
        var languages = new byte[sorted.Length];
        var logs = new double[sorted.Length];
        int count = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            var (key, language, log) = sorted[i];
            if (count > 0 && sorted[i - 1].Key == key && languages[count - 1] == language)
                continue; // listed twice by one model (Lingua's own reader would refuse the file)
            if (count == 0 || sorted[i - 1].Key != key)
                rows[key] = (count, 0);
            rows[key] = (rows[key].Item1, rows[key].Item2 + 1);
            languages[count] = language;
            logs[count++] = log;
        }
        return new LinguaModels(group, rows, languages[..count], logs[..count]);
    }

    /// <summary>One model file: {"language": …, "ngrams": {"numerator/denominator": "ngram ngram …"}},
    /// read token by token.</summary>
    private static void ReadModel(string file, byte language, List<(ulong, byte, double)> entries)
    {
        using var expanded = new MemoryStream();
        using (var stream = new BrotliStream(File.OpenRead(file), CompressionMode.Decompress))
            stream.CopyTo(expanded);
        var reader = new Utf8JsonReader(expanded.GetBuffer().AsSpan(0, (int)expanded.Length));
        bool inNgrams = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
                continue;
            if (!inNgrams)
            {
                inNgrams = reader.CurrentDepth == 1 && reader.ValueTextEquals("ngrams"u8);
                continue;
            }
            string fraction = reader.GetString()!;
            int slash = fraction.IndexOf('/', StringComparison.Ordinal);
            double log = Math.Log(double.Parse(fraction.AsSpan(0, slash), CultureInfo.InvariantCulture)
                / int.Parse(fraction.AsSpan(slash + 1), CultureInfo.InvariantCulture));
            reader.Read();
            string ngrams = reader.GetString()!;
            foreach (var range in ngrams.AsSpan().Split(' '))
            {
                var ngram = ngrams.AsSpan()[range];
                if (ngram.Length is < 1 or > 3)
                    continue;
                entries.Add((Key(ngram), language, log));
            }
        }
    }
}
