using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Indexing;
using Search.Core.Querying;
using Xunit;

namespace Search.Core.Tests.Querying;

/// <summary>A searcher picks up a build made after it opened, right after another build and after a
/// quiet spell alike, and a commit it saw while it was being written once it is finished.</summary>
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

    /// <summary>A `--rebuild` may change the analysis (stop words kept, another stemmer). An open
    /// searcher (the console, `search serve`) went on parsing with the analysis of the commit it
    /// opened on: after `--rebuild --no-stopwords` it still said "only stop words" for a query the
    /// new index answers.</summary>
    [Fact]
    public void After_a_rebuild_with_other_analysis_an_open_searcher_parses_as_the_new_index_was_built()
    {
        using var dir = new TempDir();
        string docs = Path.Combine(dir.Path, "docs"), index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "a.txt"), "Hamlet opens in London\n\nTo be or not to be, the prince asked the crowd on Monday.\n");
        File.WriteAllText(Path.Combine(docs, "b.txt"), "Markets close higher\n\nShares rose on Monday in quiet trading.\n");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { docs }, IndexPath = index });
        int Count(ArticleSearcher s) => s.Search(new SearchRequest { Query = "to be or not to be", Suggest = false }).Articles;

        using var searcher = ArticleSearcher.Open(index);
        Assert.True(searcher.Analysis.StopWords);
        Assert.Equal(0, Count(searcher)); // only stop words, which this index leaves out

        IndexBuilder.Build(new BuildOptions { Roots = new[] { docs }, IndexPath = index, Rebuild = true, Analysis = new AnalysisSettings(StopWords: false) });
        searcher.Refresh();
        Assert.False(searcher.Analysis.StopWords);
        Assert.Equal(1, Count(searcher));
    }

    /// <summary>An index deleted and built again in its folder (`rm -rf index; search index …`)
    /// numbers its commits and segments from the start again: an open searcher (a console, `search
    /// serve`) saw the same commit number, kept answering from the deleted index, and would have
    /// reused its segments by name on a later commit.</summary>
    [Fact]
    public void An_index_deleted_and_built_again_in_its_folder_replaces_the_one_an_open_searcher_had()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        string Docs(string word)
        {
            string docs = Path.Combine(dir.Path, word);
            Directory.CreateDirectory(docs);
            File.WriteAllText(Path.Combine(docs, "a.txt"), $"A report on {word}\n\nThe {word} was seen near the river on Monday, officials said.\n");
            return docs;
        }
        int Count(ArticleSearcher s, string q) => s.Search(new SearchRequest { Query = q, Suggest = false }).Articles;

        IndexBuilder.Build(new BuildOptions { Roots = new[] { Docs("zebra") }, IndexPath = index });
        using var searcher = ArticleSearcher.Open(index);
        searcher.Refresh();
        Assert.Equal(1, Count(searcher, "zebra"));

        Directory.Delete(index, recursive: true);
        searcher.Refresh(); // the folder gone: the open files go on answering
        Assert.Equal(1, Count(searcher, "zebra"));
        Assert.Equal(1, searcher.Stats().Documents); // not "DirectoryNotFoundException", which ended the console
        IndexBuilder.Build(new BuildOptions { Roots = new[] { Docs("okapi") }, IndexPath = index });
        Assert.True(File.Exists(Path.Combine(index, "segments_1")), "the new index should number its commits afresh");
        searcher.Refresh();
        Assert.Equal(0, Count(searcher, "zebra"));
        Assert.Equal(1, Count(searcher, "okapi"));

        // Built again with two builds, so its newest commit is numbered past the open one's; its
        // first segment has the open one's name.
        Directory.Delete(index, recursive: true);
        string lions = Docs("lion");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { lions }, IndexPath = index });
        File.WriteAllText(Path.Combine(lions, "b.txt"), "A report on gnus\n\nThe gnu was seen near the river on Tuesday.\n");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { lions }, IndexPath = index });
        searcher.Refresh();
        Assert.Equal(0, Count(searcher, "okapi"));
        Assert.Equal(1, Count(searcher, "lion"));
        Assert.Equal(1, Count(searcher, "gnu"));
    }

    /// <summary>A commit being written is listed before it can be read (Lucene writes its
    /// checksum last, and its reading of the commits leaves such a commit out without an error).
    /// A refresh at that moment must not count it as looked at: the searcher then kept the commit
    /// before it until the next one came (a server beside a build missed the build's last commit).</summary>
    [Fact]
    public void A_commit_seen_while_it_was_being_written_is_picked_up_once_written()
    {
        using var dir = new TempDir();
        string docs = Path.Combine(dir.Path, "docs"), index = Path.Combine(dir.Path, "index");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "a.txt"), "A report on zebras\n\nThe zebra was seen near the river on Monday.\n");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { docs }, IndexPath = index });
        using var searcher = ArticleSearcher.Open(index);
        int Count() => searcher.Search(new SearchRequest { Query = "*", Suggest = false }).Articles;
        Assert.Equal(1, Count());

        using (var luceneDir = IndexStore.OpenDirectory(index))
        {
            var last = DirectoryReader.ListCommits(luceneDir)[^1];
            using var writer = new IndexWriter(luceneDir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())
                { OpenMode = OpenMode.APPEND, IndexCommit = last });
            var doc = new Document { new KeywordField(Schema.Id, "added-by-hand", Field.Store.YES) };
            writer.AddDocument(doc);
            writer.SetCommitData(last.UserData);
            writer.PrepareCommit(); // the new commit's file is in the folder, its checksum not yet
            searcher.Refresh();
            Assert.Equal(1, Count());
            writer.Commit();
        }
        searcher.Refresh();
        Assert.Equal(2, Count());
    }
}
