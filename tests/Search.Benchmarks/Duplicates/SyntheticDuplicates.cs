namespace Search.Benchmarks.Duplicates;

/// <summary>One article of the synthetic set: its id, text, and (for a copy) what it copies and how.</summary>
public sealed record SyntheticArticle(string Id, string Title, string Body, string? CopyOf, string? Edit);

/// <summary>
/// A deterministic near-duplicate set built from BBC articles: originals (BBC with its own exact,
/// same-headline and same-opening duplicates left out, so the only copies are the made ones) plus copies, each
/// made by one edit, the four in turn:
/// <list type="bullet">
/// <item><b>dateline</b>: a wire dateline before and a credit line after;</item>
/// <item><b>trimmed</b>: the ending cut, 60-80% of the words kept;</item>
/// <item><b>reworded</b>: 5% of the words replaced by words of other articles;</item>
/// <item><b>paragraph</b>: a paragraph of another article inserted between two paragraphs.</item>
/// </list>
/// Same seed, same set.
/// </summary>
public static class SyntheticDuplicates
{
    public static readonly string[] Edits = { "dateline", "trimmed", "reworded", "paragraph" };

    private static readonly string[] Cities = { "LONDON", "NEW YORK", "PARIS", "WASHINGTON", "TOKYO", "BERLIN", "MOSCOW", "SYDNEY" };
    private static readonly string[] Agencies = { "Reuters", "AP", "AFP", "Bloomberg", "PA" };
    private static readonly string[] Months = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

    /// <summary>Reads the BBC corpus (section folders of title-first .txt files).</summary>
    public static List<(string Id, string Title, string Body)> ReadBbc(string bbcRoot)
    {
        var result = new List<(string, string, string)>();
        foreach (string file in Directory.EnumerateFiles(bbcRoot, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file, System.Text.Encoding.Latin1);
            if (lines.Length < 2)
                continue;
            string body = string.Join("\n\n", lines.Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0));
            result.Add((Path.GetRelativePath(bbcRoot, file).Replace('\\', '/'), lines[0].Trim(), body));
        }
        return result;
    }

    public static List<SyntheticArticle> Make(IReadOnlyList<(string Id, string Title, string Body)> bbc, int originals, int copies, int seed)
    {
        // BBC's own duplicates out, by tests independent of any method measured: the same words once
        // normalised (one kept), the same headline or the same first twelve words (none kept).
        var pool = bbc.GroupBy(a => Normalise(a.Body)).Select(g => g.First())
            .GroupBy(a => a.Title.Trim().ToLowerInvariant()).Where(g => g.Count() == 1).Select(g => g.First())
            .GroupBy(a => string.Join(' ', Normalise(a.Body).ToLowerInvariant().Split(' ').Take(12))).Where(g => g.Count() == 1).Select(g => g.First())
            .ToList();
        var random = new Random(seed);
        var chosen = pool.OrderBy(_ => random.Next()).Take(originals).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var vocabulary = chosen.SelectMany(a => a.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.All(char.IsLetter)).Distinct().Order(StringComparer.Ordinal).ToArray();
        var set = chosen.Select(a => new SyntheticArticle(a.Id, a.Title, a.Body, null, null)).ToList();
        for (int i = 0; i < copies; i++)
        {
            var original = chosen[random.Next(chosen.Count)];
            string edit = Edits[i % Edits.Length];
            string body = edit switch
            {
                "dateline" => $"{Cities[random.Next(Cities.Length)]}, {Months[random.Next(12)]} {random.Next(1, 29)} ({Agencies[random.Next(Agencies.Length)]}) - {original.Body}\n\n" +
                              $"(Reporting by {vocabulary[random.Next(vocabulary.Length)]} {vocabulary[random.Next(vocabulary.Length)]}; editing by {vocabulary[random.Next(vocabulary.Length)]})",
                "trimmed" => Trim(original.Body, 0.6 + 0.2 * random.NextDouble()),
                "reworded" => Reword(original.Body, 0.05, vocabulary, random),
                _ => Insert(original.Body, chosen[random.Next(chosen.Count)].Body, random),
            };
            set.Add(new SyntheticArticle($"copy/{i:D4}-{edit}.txt", original.Title, body, original.Id, edit));
        }
        return set;
    }

    /// <summary>Writes the set as BBC-layout .txt files (title, blank line, paragraphs).</summary>
    public static void Write(IEnumerable<SyntheticArticle> set, string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        foreach (var a in set)
        {
            string path = Path.Combine(folder, a.Id);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, a.Title + "\n\n" + a.Body.Replace("\n\n", "\n") + "\n");
        }
    }

    public static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Trim(string body, double keep)
    {
        var words = body.Split(' ');
        return string.Join(' ', words.Take(Math.Max(1, (int)(words.Length * keep))));
    }

    private static string Reword(string body, double share, string[] vocabulary, Random random)
    {
        var words = body.Split(' ');
        int changes = (int)Math.Round(words.Length * share);
        for (int c = 0; c < changes; c++)
            words[random.Next(words.Length)] = vocabulary[random.Next(vocabulary.Length)];
        return string.Join(' ', words);
    }

    private static string Insert(string body, string other, Random random)
    {
        var paragraphs = body.Split("\n\n").ToList();
        var theirs = other.Split("\n\n");
        paragraphs.Insert(random.Next(1, paragraphs.Count + 1), theirs[random.Next(theirs.Length)]);
        return string.Join("\n\n", paragraphs);
    }
}
