namespace Search.Benchmarks.Duplicates;

/// <summary>One article of the synthetic set: its id, text, and (for a copy) what it copies and how.</summary>
/// <param name="LookAlikeOf">For a look-alike (same template, other figures or names: not a copy), the article it imitates.</param>
public sealed record SyntheticArticle(string Id, string Title, string Body, string? CopyOf, string? Edit, string? LookAlikeOf = null);

/// <summary>
/// A deterministic near-duplicate set built from BBC articles: originals (BBC with its own exact,
/// same-headline and same-opening duplicates left out, so the only copies are the made ones) plus copies, each
/// made by one edit, the four in turn:
/// <list type="bullet">
/// <item><b>dateline</b>: a wire dateline before and a credit line after;</item>
/// <item><b>trimmed</b>: the ending cut, 60-80% of the words kept;</item>
/// <item><b>reworded</b>: 5% of the words replaced by words of other articles;</item>
/// <item><b>paragraph</b>: a paragraph of another article inserted between two paragraphs;</item>
/// <item><b>combined</b>: all four at once, as a site rewrites wire copy (trimmed, reworded,
/// a paragraph of another story inserted, dateline and credit line added).</item>
/// </list>
/// Besides copies, <b>look-alikes</b>: briefs written to the same template as a short original with
/// other figures (every number changed) or other names (every capitalised word after the first
/// changed), which are not copies. Originals come from BBC or from Reuters-21578, so rules tuned on
/// one can be reported on the other. Same seed, same set.
/// </summary>
public static class SyntheticDuplicates
{
    public static readonly string[] Edits = { "dateline", "trimmed", "reworded", "paragraph", "combined" };

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

    /// <summary>Reads Reuters-21578 (reut2-*.sgm): title and body of each article, paragraphs as in
    /// the wire copy (an indented line starts one), the closing "Reuter" left out.</summary>
    public static List<(string Id, string Title, string Body)> ReadReuters(string folder)
    {
        var result = new List<(string, string, string)>();
        foreach (string file in Directory.GetFiles(folder, "reut2-*.sgm").Order(StringComparer.Ordinal))
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file, System.Text.Encoding.Latin1), "<REUTERS[^>]*NEWID=\"(\\d+)\"[^>]*>(.*?)</REUTERS>", System.Text.RegularExpressions.RegexOptions.Singleline))
            {
                string Tag(string name) => System.Text.RegularExpressions.Regex.Match(m.Groups[2].Value, $"<{name}>(.*?)</{name}>", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } t
                    ? System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(t.Groups[1].Value, "&#\\d+;", " ")) : "";
                string raw = System.Text.RegularExpressions.Regex.Replace(Tag("BODY"), @"\s*Reuter\s*$", "");
                var paragraphs = System.Text.RegularExpressions.Regex.Split(raw, @"\n(?=\s{2,})").Select(Normalise).Where(p => p.Length > 0);
                string body = string.Join("\n\n", paragraphs);
                if (body.Length > 0)
                    result.Add(($"reuters/{m.Groups[1].Value}.txt", Normalise(Tag("TITLE")), body));
            }
        return result;
    }

    /// <summary>Look-alikes made, one per this many copies.</summary>
    public const int CopiesPerLookAlike = 4;

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
                "paragraph" => Insert(original.Body, chosen[random.Next(chosen.Count)].Body, random),
                _ => Dateline(Insert(Reword(Trim(original.Body, 0.6 + 0.2 * random.NextDouble()), 0.05, vocabulary, random), chosen[random.Next(chosen.Count)].Body, random), vocabulary, random),
            };
            set.Add(new SyntheticArticle($"copy/{i:D4}-{edit}.txt", original.Title, body, original.Id, edit));
        }
        // Look-alikes of the shortest originals (briefs are what templates make).
        var briefs = chosen.OrderBy(a => a.Body.Length).ThenBy(a => a.Id, StringComparer.Ordinal).Take(Math.Max(1, chosen.Count / 3)).ToList();
        var names = vocabulary.Where(w => w.Length > 2 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower)).ToArray();
        for (int i = 0; i < copies / CopiesPerLookAlike; i++)
        {
            var template = briefs[random.Next(briefs.Count)];
            bool figures = i % 2 == 0;
            string body = figures ? OtherNumbers(template.Body, random) : OtherNames(template.Body, names, random);
            if (body != template.Body)
                set.Add(new SyntheticArticle($"lookalike/{i:D4}-{(figures ? "figures" : "names")}.txt", template.Title, body, null, null, template.Id));
        }
        return set;
    }

    private static string Dateline(string body, string[] vocabulary, Random random) =>
        $"{Cities[random.Next(Cities.Length)]}, {Months[random.Next(12)]} {random.Next(1, 29)} ({Agencies[random.Next(Agencies.Length)]}) - {body}\n\n" +
        $"(Reporting by {vocabulary[random.Next(vocabulary.Length)]} {vocabulary[random.Next(vocabulary.Length)]}; editing by {vocabulary[random.Next(vocabulary.Length)]})";

    /// <summary>Every number in the text changed (a dividend of 10 cts becomes 14 cts, 1987 becomes 1990).</summary>
    private static string OtherNumbers(string body, Random random) =>
        System.Text.RegularExpressions.Regex.Replace(body, @"\d+", m =>
        {
            string n;
            do n = random.Next(1, (int)Math.Pow(10, Math.Min(m.Length, 6))).ToString(System.Globalization.CultureInfo.InvariantCulture);
            while (n == m.Value);
            return n;
        });

    /// <summary>Every capitalised word that does not start a sentence replaced by another name (another company, person or place).</summary>
    private static string OtherNames(string body, string[] names, Random random)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(body, @"(?<=[\p{Ll},;]\s+)\p{Lu}\p{Ll}+", m =>
            map.TryGetValue(m.Value, out var n) ? n : map[m.Value] = names[random.Next(names.Length)]);
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
