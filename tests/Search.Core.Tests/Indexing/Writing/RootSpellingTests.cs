using Search.Core.Indexing.Writing;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>`search index news` then `search index news-link` (a link to news) added every
/// article a second time: articles are known by their file's path, and each file had two.</summary>
public sealed class RootSpellingTests
{
    private static (string News, string Index) Indexed(TempDir dir)
    {
        Jsonl(dir, "news/world/feed.jsonl", 12);
        Jsonl(dir, "news/sport/feed.jsonl", 8);
        string news = Path.Combine(dir.Path, "news"), index = Path.Combine(dir.Path, "index");
        Assert.Equal(20, RunBuild(index, news).ArticlesAdded);
        return (news, index);
    }

    [Fact]
    public void A_folder_given_again_through_a_link_is_not_indexed_twice()
    {
        using var dir = new TempDir();
        var (news, index) = Indexed(dir);
        string link = Path.Combine(dir.Path, "news-link");
        Directory.CreateSymbolicLink(link, news);

        var again = RunBuild(index, link);
        Assert.Equal(0, again.ArticlesAdded);
        Assert.Equal(20, again.ArticlesUnchanged);
        Assert.Equal([news], again.Roots);
        Assert.Equal(20, again.DocumentsInIndex);
        var (articles, duplicates) = Read(index);
        Assert.Equal(20, articles.Count);
        Assert.Equal(0, duplicates);
        Assert.Equal([news], RecordedRoots.Read(index));

        // A folder inside it, through the link: its changes land on the articles the index has.
        File.AppendAllText(Path.Combine(news, "sport", "feed.jsonl"), "{\"id\":\"n9\",\"title\":\"Late result\",\"body\":\"Extra time.\"}\n");
        var inside = RunBuild(index, Path.Combine(link, "sport"));
        Assert.Equal(1, inside.ArticlesAdded);
        Assert.Equal(8, inside.ArticlesUnchanged);
        Assert.Equal(21, Read(index).Articles.Count);
        Assert.Equal(0, Read(index).Duplicates);
    }

    [Fact]
    public void Folders_given_by_their_own_spelling_or_new_ones_are_left_as_given()
    {
        using var dir = new TempDir();
        var (news, _) = Indexed(dir);
        string other = Path.GetDirectoryName(Jsonl(dir, "other/feed.jsonl", 1))!;
        string linkToOther = Path.Combine(dir.Path, "other-link");
        Directory.CreateSymbolicLink(linkToOther, other);
        string inside = Path.Combine(news, "world");

        Assert.Equal([inside, linkToOther, other, "missing"], RootSpelling.AsRecorded([inside, linkToOther, other, "missing"], [news]));
    }
}
