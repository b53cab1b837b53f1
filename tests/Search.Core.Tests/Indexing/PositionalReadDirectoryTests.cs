using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Indexing;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing;

/// <summary>Our positional-read directory reads exactly what Lucene's own NIOFSDirectory reads.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class PositionalReadDirectoryTests(SeedIndex seeds)
{
    [Fact]
    public void Reads_every_stored_field_and_posting_of_the_seed_index_as_NIOFSDirectory_does()
    {
        using var ours = new PositionalReadDirectory(new DirectoryInfo(seeds.IndexPath));
        using var stock = new NIOFSDirectory(new DirectoryInfo(seeds.IndexPath));
        using var oursReader = DirectoryReader.Open(ours);
        using var stockReader = DirectoryReader.Open(stock);
        Assert.Equal(296, oursReader.NumDocs);
        Assert.Equal(stockReader.MaxDoc, oursReader.MaxDoc);
        for (int doc = 0; doc < oursReader.MaxDoc; doc++)
        {
            var a = oursReader.Document(doc).Fields.Select(f => (f.Name, f.GetStringValue())).ToList();
            var b = stockReader.Document(doc).Fields.Select(f => (f.Name, f.GetStringValue())).ToList();
            Assert.Equal(b, a);
        }
        foreach (string word in new[] { "russia", "=elections", "=the", "=says", "=years" })
        {
            var query = new TermQuery(new Term(Schema.Body, word));
            var x = new IndexSearcher(oursReader).Search(query, 1000).ScoreDocs.Select(d => (d.Doc, d.Score));
            var y = new IndexSearcher(stockReader).Search(query, 1000).ScoreDocs.Select(d => (d.Doc, d.Score));
            Assert.Equal(y, x);
            Assert.NotEmpty(x);
        }
    }

    [Fact]
    public void Reading_past_the_end_of_a_file_is_an_error_not_garbage()
    {
        using var dir = new PositionalReadDirectory(new DirectoryInfo(seeds.IndexPath));
        string segments = dir.ListAll().First(n => n.StartsWith("segments_", StringComparison.Ordinal));
        using var input = dir.OpenInput(segments, IOContext.READ_ONCE);
        input.Seek(input.Length);
        Assert.ThrowsAny<IOException>(() => input.ReadByte());
        using var clone = (IndexInput)input.Clone();
        clone.Seek(0);
        Assert.Equal(0x3f, clone.ReadByte()); // CodecUtil's header magic begins 0x3f d7 6c 17
    }
}
