using Search.Core.Snippets;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Snippets;

/// <summary>The vectorised scan of <see cref="CandidateChunks.Find"/> finds the stretches a
/// reading of every character finds (the scan as first written), on real text: the seed articles,
/// the BBC corpus, and texts with characters outside ASCII, odd whitespace and keys at every place
/// in a chunk.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class CandidateChunksScanTests(SeedIndex seeds)
{
    public static TheoryData<string[]> TermSets() => new()
    {
        new[] { "govern" },
        new[] { "=prime", "=minister" },
        new[] { "terror", "terrorist", "terror", "=terrorism", "=terrorists" },
        new[] { "oil", "price" },
        new[] { "1990", "a" },
        new[] { "t", "tt", "the" },
        new[] { "=u.s", "dollar" },
    };

    [Theory]
    [MemberData(nameof(TermSets))]
    public void The_scan_finds_what_reading_every_character_finds(string[] terms)
    {
        var chunks = CandidateChunks.For(terms) ?? throw new InvalidOperationException("no scanner for the terms");
        var keys = terms.Select(CandidateChunks.KeyOf).ToArray();
        int texts = 0, found = 0;
        foreach (string text in Texts())
        {
            var expected = Reference(text, keys);
            Assert.Equal(expected, chunks.Find(text));
            texts++;
            found += expected.Count;
        }
        Assert.True(texts > 100 && found > 0, $"{texts} texts, {found} stretches");
    }

    private IEnumerable<string> Texts()
    {
        yield return "";
        yield return "the";
        yield return " The\tTHE\nthe\r\n\f\vtHe ";
        yield return "naïve café—government's “prime” minister\u00a0oil";
        yield return "pre-government (prime)minister,oil;price 1990s a1990 x1990";
        yield return "terrorists' anti-terror counter­terrorism TERRORISM";
        foreach (string text in seeds.StoredTexts())
            yield return text;
        if (SharedCorpus.Root != null)
            foreach (string file in Directory.EnumerateFiles(SharedCorpus.Path("corpora", "bbc"), "*.txt", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).Where((_, i) => i % 5 == 0))
                yield return File.ReadAllText(file);
    }

    /// <summary>The scan as first written: every character read, chunk by chunk.</summary>
    private static List<(int Start, int End)> Reference(string text, string[] keys)
    {
        var stretches = new List<(int Start, int End)>();
        int chunkStart = 0;
        bool candidate = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (c is ' ' or '\n' or '\r' or '\t' or '\f' or '\v')
            {
                if (candidate)
                    CandidateChunks.Add(stretches, text, chunkStart, i);
                chunkStart = i + 1;
                candidate = false;
            }
            else if (candidate)
                continue;
            else if (c >= 128)
                candidate = true;
            else if (char.IsAsciiLetterOrDigit(c) && (i == chunkStart || !char.IsAsciiLetterOrDigit(text[i - 1])))
                candidate = keys.Any(k => text.AsSpan(i).StartsWith(k, StringComparison.OrdinalIgnoreCase));
        }
        return stretches;
    }
}
