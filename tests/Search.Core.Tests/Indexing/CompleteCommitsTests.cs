using Search.Core.Indexing;
using Xunit;

namespace Search.Core.Tests.Indexing;

public sealed class CompleteCommitsTests
{
    /// <summary>An index of one story in <paramref name="temp"/>: its corpus and index folders.</summary>
    private static (string Corpus, string Index) BuildOneStory(TempDir temp)
    {
        string corpus = System.IO.Path.Combine(temp.Path, "corpus");
        string index = System.IO.Path.Combine(temp.Path, "index");
        temp.File("corpus/a.txt", "First story\n\nAbout the harbour.\n");
        Build(corpus, index);
        return (corpus, index);
    }

    private static void Build(string corpus, string index) =>
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index });

    [Fact]
    public void A_reader_that_chose_a_commit_a_build_then_replaced_reads_the_newer_one_instead_of_calling_it_damaged()
    {
        using var temp = new TempDir();
        var (corpus, index) = BuildOneStory(temp);
        temp.File("corpus/b.txt", "Second story\n\nAbout the bridge.\n");

        using var dir = IndexStore.OpenDirectory(index);
        int calls = 0;
        int seen = CompleteCommits.OpenChosen(dir, commit =>
        {
            if (calls++ == 0)
            {
                // The race: between choosing this commit and reading it, a build commits a newer
                // complete one and the deletion policy removes this one's files.
                Build(corpus, index);
                Assert.False(File.Exists(System.IO.Path.Combine(index, commit.SegmentsFileName)));
            }
            using var reader = Lucene.Net.Index.DirectoryReader.Open(commit);
            return reader.NumDocs;
        });

        Assert.Equal(2, calls);
        Assert.Equal(2, seen);
    }

    [Fact]
    public void A_failure_on_the_commit_that_is_still_current_is_not_retried()
    {
        using var temp = new TempDir();
        var (_, index) = BuildOneStory(temp);

        using var dir = IndexStore.OpenDirectory(index);
        int calls = 0;
        Assert.Throws<IOException>(() => CompleteCommits.OpenChosen<int>(dir, _ =>
        {
            calls++;
            throw new IOException("disk error");
        }));
        Assert.Equal(1, calls);
    }
}
