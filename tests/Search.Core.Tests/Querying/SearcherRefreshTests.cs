using Search.Core.Indexing;
using Search.Core.Querying;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>A searcher picks up a build made after it opened, right after another build and after a
/// quiet spell alike.</summary>
public sealed class SearcherRefreshTests
{
    [Fact]
    public void Refresh_finds_articles_of_a_later_build_after_quiet_and_busy_folders_alike()
    {
        using var dir = new TempDir();
        string docs = Path.Combine(dir.Path, "docs"), index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(docs);
        void Add(string name, string word)
        {
            File.WriteAllText(Path.Combine(docs, name + ".txt"), $"A report on {word}\n\nThe {word} was seen near the river on Monday, officials said.\n");
            IndexBuilder.Build(new BuildOptions { Roots = new[] { docs }, IndexPath = index });
        }
        int Count(ArticleSearcher s, string q) => s.Search(new SearchRequest { Query = q, Suggest = false }).Articles;

        Add("a", "zebra");
        using var searcher = ArticleSearcher.Open(index);
        searcher.Refresh();
        Assert.Equal(0, Count(searcher, "giraffe"));

        // Right after a build.
        Add("b", "giraffe");
        searcher.Refresh();
        Assert.Equal(1, Count(searcher, "giraffe"));

        // After a quiet spell.
        Thread.Sleep(2500);
        searcher.Refresh();
        searcher.Refresh();
        Add("c", "okapi");
        searcher.Refresh();
        Assert.Equal(1, Count(searcher, "okapi"));
        Assert.Equal(1, Count(searcher, "zebra"));
    }
}
