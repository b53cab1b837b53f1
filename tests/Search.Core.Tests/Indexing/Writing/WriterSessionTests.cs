using Lucene.Net.Documents;
using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Indexing.Writing;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Writing;

public sealed class WriterSessionTests
{
    [Fact]
    public void A_session_closed_without_a_commit_rolls_back_instead_of_committing()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        RunBuild(index, RepoPaths.SeedArticle);
        using (var d = IndexStore.OpenDirectory(index))
        {
            using (var session = WriterSession.Open(d, index, rebuild: false, requested: null, ramBufferMB: 16))
            {
                Assert.False(session.Fresh);
                session.Writer.AddDocument(new Document { new StringField(Schema.Id, "stray", Field.Store.YES) });
                session.Writer.DeleteDocuments(new Term(Schema.Id, "000_9ea3fcf4dd3ee866.txt"));
                // A failure path forgets to decide: Dispose must not commit (Lucene.Net's would).
            }
            using var reader = DirectoryReader.Open(d);
            Assert.Equal(1, reader.NumDocs);
        }
        Assert.Equal(new[] { "000_9ea3fcf4dd3ee866.txt" }, Read(index).Articles.Keys.Select(k => k.Id));
    }

    [Fact]
    public void Other_analysis_settings_are_refused_without_rebuild()
    {
        using var dir = new TempDir();
        string index = Path.Combine(dir.Path, "index");
        RunBuild(index, RepoPaths.SeedArticle);
        using var d = IndexStore.OpenDirectory(index);
        var e = Assert.Throws<SearchException>(() => WriterSession.Open(d, index, rebuild: false, requested: new AnalysisSettings("none", false), ramBufferMB: 16));
        Assert.Contains("--rebuild", e.Message);
    }
}
