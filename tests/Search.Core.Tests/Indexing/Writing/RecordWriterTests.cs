using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>The one id rule (file + id) and per-record change detection.</summary>
public sealed class RecordWriterTests
{
    [Fact]
    public void Ids_that_collide_across_csv_files_keep_every_article_and_are_reported()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "exports"), index = Path.Combine(dir.Path, "index");
        dir.File("exports/a.csv", "id,title,body\n1,Harbour one,The harbour reopened.\n2,Harbour two,Ships returned to the harbour.\n");
        dir.File("exports/b.csv", "id,title,body\n1,Canal one,The canal froze.\n2,Canal two,Barges waited on the canal.\n");

        var first = RunBuild(index, root);
        Assert.Equal(4, first.ArticlesAdded);
        Assert.Equal(4, first.DocumentsInIndex); // `added` is what is in the index
        Assert.Equal(new[] { "1", "2" }, first.Collisions.Select(c => c.Id).Order());
        Assert.All(first.Collisions, c => Assert.Equal(new[] { "a.csv", "b.csv" }, c.Files));
        Assert.Equal(4, Read(index).Articles.Count);

        // Re-runs settle: nothing is re-read or flips, whichever thread is faster.
        for (int run = 0; run < 3; run++)
        {
            File.SetLastWriteTimeUtc(Path.Combine(root, "a.csv"), DateTime.UtcNow.AddMinutes(run + 1)); // touched, not changed
            var again = RunBuild(index, root);
            Assert.Equal(0, again.ArticlesAdded + again.ArticlesUpdated + again.ArticlesRemoved);
            Assert.Equal(4, again.ArticlesUnchanged);
            Assert.Equal(2, again.Collisions.Count);
        }
        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal(2, searcher.GetAll("1").Count);
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "froze" }).Total);
        Assert.Equal(1, searcher.Search(new SearchRequest { Query = "reopened" }).Total);
    }

    [Fact]
    public void A_jsonl_id_equal_to_a_text_files_id_is_a_reported_collision_not_a_second_copy_of_one_id()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "mixed"), index = Path.Combine(dir.Path, "index");
        dir.File("mixed/note.txt", "Lighthouse keepers\n\nThe last lighthouse keeper retired.\n");
        dir.File("mixed/feed.jsonl", "{\"id\":\"note.txt\",\"title\":\"Feed item\",\"body\":\"A feed item about trams.\"}\n");
        var first = RunBuild(index, root);
        Assert.Equal(2, first.DocumentsInIndex);
        Assert.Equal(new[] { "feed.jsonl", "note.txt" }, Assert.Single(first.Collisions).Files);
        var second = RunBuild(index, root);
        Assert.Equal(2, second.ArticlesUnchanged);
        Assert.Equal(2, second.DocumentsInIndex);
    }

    /// <summary>Files are named relative to their root, so x.txt of two roots collided as
    /// "x.txt: x.txt, x.txt", naming no file that `search show --file` could pick.</summary>
    [Fact]
    public void A_collision_of_files_of_one_name_under_two_roots_names_them_by_path()
    {
        using var dir = new TempDir();
        string a = Path.GetDirectoryName(dir.File("a/x.txt", "Alpha\n\nThe alpha story.\n"))!;
        string b = Path.GetDirectoryName(dir.File("b/x.txt", "Beta\n\nThe beta story.\n"))!;
        var summary = RunBuild(Path.Combine(dir.Path, "index"), a, b);
        var collision = Assert.Single(summary.Collisions);
        Assert.Equal("x.txt", collision.Id);
        Assert.Equal([Path.Combine(a, "x.txt"), Path.Combine(b, "x.txt")], collision.Files);
    }

    [Fact]
    public void Editing_one_record_of_a_big_file_updates_that_one_article()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string file = Jsonl(dir, "feed/news.jsonl", 3000);
        Assert.Equal(3000, RunBuild(index, Path.GetDirectoryName(file)!).ArticlesAdded);

        var lines = File.ReadAllLines(file).ToList();
        lines[1499] = "{\"id\":\"n1500\",\"title\":\"Story number 1500\",\"body\":\"Corrected: a report on zeppelins.\"}";
        lines.RemoveAt(10); // n11 is withdrawn; the records after it move up a line
        File.WriteAllLines(file, lines);
        var second = RunBuild(index, Path.GetDirectoryName(file)!);
        Assert.Equal(1, second.ArticlesUpdated);
        Assert.Equal(2998, second.ArticlesUnchanged);
        Assert.Equal(1, second.ArticlesRemoved);
        Assert.Equal(0, second.ArticlesAdded);
        var articles = Read(index).Articles;
        Assert.Equal(2999, articles.Count);
        Assert.Contains("zeppelins", articles[("news.jsonl", "n1500")]);
        Assert.False(articles.ContainsKey(("news.jsonl", "n11")));
    }
}
