using System.Text.RegularExpressions;
using Search.Core.Ingest;

namespace Search.Benchmarks.Languages;

/// <summary>A text whose language is known from where it comes from, not from a detector.</summary>
public sealed record LabelledText(string Set, string Language, string Title, string Body);

/// <summary>
/// The labelled sets in ../shared/corpora: the German derStandard CSV (de), the Russian
/// FactRuEval texts (ru), BBC (en), and the saved web pages of the extraction corpus that declare
/// their language in <c>&lt;html lang&gt;</c> (read by the project's own page reader, labelled by
/// the declaration, which detection never sees since it is given only the title and text).
/// </summary>
public static partial class LabelledTexts
{
    public static IEnumerable<LabelledText> All(string corpora) =>
        German(corpora).Concat(Russian(corpora)).Concat(Bbc(corpora)).Concat(DeclaredPages(corpora));

    public static IEnumerable<LabelledText> German(string corpora)
    {
        // One article per line: section;'text' (quote character ').
        foreach (string line in File.ReadLines(Path.Combine(corpora, "multilingual", "de-10kgnad", "test.csv")))
        {
            int semi = line.IndexOf(';');
            string text = line[(semi + 1)..].Trim('\'').Replace("''", "'");
            yield return new("de-10kgnad", "de", "", text);
        }
    }

    public static IEnumerable<LabelledText> Russian(string corpora) =>
        Directory.EnumerateFiles(Path.Combine(corpora, "multilingual", "ru-factrueval"), "book_*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(f => TitledText("ru-factrueval", "ru", File.ReadAllText(f)));

    public static IEnumerable<LabelledText> Bbc(string corpora) =>
        Directory.EnumerateFiles(Path.Combine(corpora, "bbc"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(f => TitledText("bbc", "en", File.ReadAllText(f)));

    /// <summary>Web pages whose root element declares a language.</summary>
    public static IEnumerable<LabelledText> DeclaredPages(string corpora)
    {
        string root = Path.Combine(corpora, "extraction");
        var reader = new Search.Core.Ingest.Html.HtmlArticleReader(Search.Core.Ingest.Html.HtmlArticleReader.DefaultTimeout);
        foreach (string path in Directory.EnumerateFiles(root, "*.htm*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string head = File.ReadAllText(path);
            var lang = HtmlLang().Match(head);
            if (!lang.Success)
                continue;
            string language = lang.Groups[1].Value.ToLowerInvariant()[..2];
            var file = new SourceFile(path, Path.GetRelativePath(root, path), root);
            foreach (var item in reader.Read(file, File.ReadAllBytes(path)))
                if (item.Article is { } a && a.Body.Length > 0)
                    yield return new("extraction-pages", language, a.Title, a.Body);
        }
    }

    /// <summary>A text file as the text reader takes it: the first line is the title.</summary>
    private static LabelledText TitledText(string set, string language, string text)
    {
        text = text.Trim();
        int nl = text.IndexOf('\n');
        return nl < 0 ? new(set, language, "", text) : new(set, language, text[..nl].Trim(), text[(nl + 1)..].Trim());
    }

    [GeneratedRegex("<html[^>]*\\blang=\"([a-zA-Z]{2})[^\"]*\"", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLang();
}
