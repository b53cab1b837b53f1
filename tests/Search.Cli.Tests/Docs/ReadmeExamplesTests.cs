using System.Text;
using System.Text.RegularExpressions;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Docs;

/// <summary>
/// README's examples print what the program prints: every ```console block runs its `$ search ...`
/// line (or `$ printf '...' | search ...`, the printf text as stdin) on an index of seeds/, and its
/// output must be the block's, times and the folders of the machine it ran on aside.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed partial class ReadmeExamplesTests
{
    private readonly SeedIndexFixture _f;

    public ReadmeExamplesTests(SeedIndexFixture f) => _f = f;

    public sealed record Example(string Command, string Expected);

    public static IReadOnlyList<Example> Examples()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");
        return ConsoleBlock().Matches(readme).Select(m =>
        {
            var lines = m.Groups[1].Value.TrimEnd('\n').Split('\n');
            Assert.StartsWith("$ ", lines[0]);
            return new Example(lines[0][2..], string.Join('\n', lines.Skip(1)));
        }).ToList();
    }

    [Fact]
    public void README_has_examples_of_queries_the_console_and_indexing()
    {
        var commands = Examples().Select(e => e.Command).ToList();
        Assert.True(commands.Count >= 5, string.Join('\n', commands));
        Assert.Contains(commands, c => c.StartsWith("search query", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("printf", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("search index", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_README_example_prints_what_README_shows()
    {
        foreach (var example in Examples())
        {
            string stdin = "";
            string command = example.Command;
            if (Piped().Match(command) is { Success: true } piped)
            {
                stdin = Regex.Unescape(piped.Groups[1].Value);
                command = piped.Groups[2].Value;
            }
            var words = Words(command);
            Assert.Equal("search", words[0]);
            var args = words.Skip(1).ToList();
            string work = Path.Combine(_f.Dir, "readme-" + Guid.NewGuid().ToString("N")[..8]);
            if (args.FirstOrDefault() == "index")
            {
                // Indexing runs on a copy of seeds/ in a folder of its own, as README's example does.
                CopyFolder(RepoPaths.Seeds, Path.Combine(work, "seeds"));
                for (int i = 0; i < args.Count; i++)
                    if (args[i] == "seeds" || (i > 0 && args[i - 1] == "--index"))
                        args[i] = Path.Combine(work, args[i]);
            }
            else if (!args.Contains("--index"))
                args.AddRange(new[] { "--index", _f.Index });
            var run = SearchCli.WithInput(stdin, args.ToArray());
            // A slow build (a loaded machine) adds a progress line every five seconds: not README's business.
            string errors = string.Concat(run.Err.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("indexing: ", StringComparison.Ordinal)).Select(l => l + "\n"));
            string actual = Normalize(run.Out + errors);
            Assert.True(Normalize(example.Expected) == actual,
                $"README example `{example.Command}` prints, today:\n{run.Out}{run.Err}\nREADME shows:\n{example.Expected}");
        }
    }

    /// <summary>What differs from run to run and machine to machine: times and absolute folders.</summary>
    private static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n").TrimEnd('\n');
        text = Timing().Replace(text, "(T)");
        text = Built().Replace(text, "Indexed FOLDER into INDEX in T");
        return text;
    }

    /// <summary>Words of a shell command line: 'single' and "double" quotes group, nothing else is special.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0'; else word.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    [GeneratedRegex("```console\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();

    [GeneratedRegex(@"^printf '([^']*)' \| (search.*)$")]
    private static partial Regex Piped();

    [GeneratedRegex(@"\(\d+(\.\d+)? m?s\)")]
    private static partial Regex Timing();

    [GeneratedRegex(@"Indexed \S+ into \S+ in \d+(\.\d+)? s")]
    private static partial Regex Built();
}
