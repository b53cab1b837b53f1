using Search.Core.Enrich;
using Search.Core.Ingest;
using Search.Core.Tests.Support;

namespace Search.Core.Tests.Ingest;

/// <summary>Shortcuts for reader tests: files under a temp root, read (and enriched) in one call.</summary>
internal static class ReaderTestKit
{
    public static SourceFile SourceFor(string root, string relative) =>
        new(Path.Combine(root, relative), relative.Replace('\\', '/'), root);

    public static SourceFile WriteText(TempDir dir, string relative, string content)
    {
        dir.File(relative, content);
        return SourceFor(dir.Path, relative);
    }

    /// <summary><paramref name="data"/> as one gzip member.</summary>
    public static byte[] Gzipped(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }

    public static byte[] Gzipped(string text) => Gzipped(System.Text.Encoding.UTF8.GetBytes(text));

    public static SourceFile WriteBytes(TempDir dir, string relative, byte[] content)
    {
        string full = Path.Combine(dir.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return SourceFor(dir.Path, relative);
    }

    /// <summary>Writes <paramref name="content"/> as <paramref name="relative"/> in a temporary
    /// folder and reads it as <see cref="ReadOne"/> does.</summary>
    public static Article ReadOneText(IArticleReader reader, string relative, string content)
    {
        using var dir = new TempDir();
        return ReadOne(reader, WriteText(dir, relative, content));
    }

    public static List<ReadItem> ReadAll(IArticleReader reader, SourceFile file) => reader.Read(file).ToList();

    /// <summary>Reads a single-article file, asserts it is an article, enriches it.</summary>
    public static Article ReadOne(IArticleReader reader, SourceFile file)
    {
        ReadItem item = Xunit.Assert.Single(reader.Read(file));
        Xunit.Assert.Null(item.Problem);
        Article article = item.Article!;
        ArticleEnricher.Enrich(article, file);
        return article;
    }

    public static List<Article> Articles(IEnumerable<ReadItem> items) =>
        items.Where(i => i.Article != null).Select(i => i.Article!).ToList();

    public static List<RecordProblem> Problems(IEnumerable<ReadItem> items) =>
        items.Where(i => i.Problem != null).Select(i => i.Problem!).ToList();
}
