using Search.Core.Ingest;
using Search.Tests.Support;

namespace Search.Core.Tests.Support;

/// <summary>
/// Every seed article's text as the tests that read "every word of the seeds" need it: the text
/// files as they are, and each article of the Wikinews CSVs as its title and body. Reading only
/// `seeds/*.txt` gave one article (493 words), so on a fresh clone without `../shared` such tests
/// had almost nothing to read and failed their floor.
/// </summary>
internal static class SeedTexts
{
    public static IEnumerable<string> All()
    {
        foreach (string path in Directory.EnumerateFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
            yield return File.ReadAllText(path);
        foreach (string path in Directory.EnumerateFiles(RepoPaths.Seeds, "*.csv").Order(StringComparer.Ordinal))
        {
            var file = new SourceFile(path, Path.GetFileName(path), RepoPaths.Seeds);
            foreach (var item in CsvArticleReader.Read(new StringReader(File.ReadAllText(path)), file))
                if (item.Article is { } article)
                    yield return article.Title + "\n\n" + article.Body;
        }
    }
}
