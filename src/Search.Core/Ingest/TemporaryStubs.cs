// TEMPORARY: replaced by the ingest branch's readers at merge.
using Search.Core.Ingest;
namespace Search.Core.Ingest
{
    public readonly record struct ReaderChoice(IArticleReader? Reader, string? SkipReason, bool Ignored);
    public sealed class ReaderRegistry
    {
        public static readonly ReaderRegistry Default = new();
        public ReaderChoice Choose(SourceFile file) =>
            file.FullPath.EndsWith(".txt") ? new ReaderChoice(new StubText(), null, false) : new ReaderChoice(null, null, true);
    }
    internal sealed class StubText : IArticleReader
    {
        public string Format => "text";
        public bool CanRead(string extension, ReadOnlySpan<byte> head) => true;
        public IEnumerable<ReadItem> Read(SourceFile file)
        {
            var lines = File.ReadAllLines(file.FullPath);
            yield return ReadItem.Of(new Article { Id = file.RelativePath, File = file.RelativePath, Title = lines.FirstOrDefault() ?? "", Body = string.Join("\n", lines.Skip(1)) });
        }
    }
}
namespace Search.Core.Enrich
{
    public static class ArticleEnricher
    {
        public static void Enrich(Article a, SourceFile f) { }
    }
}
