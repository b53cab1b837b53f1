using Lucene.Net.Documents;
using Lucene.Net.Index;
using Search.Core.Indexing;

namespace Search.Tests.Support;

/// <summary>What an index holds, read from its folder document by document (no searcher), for
/// tests that compare a build's result with what it should be.</summary>
public static class IndexContents
{
    /// <summary>Every live (not deleted) document of the index's newest commit.</summary>
    public static IEnumerable<Document> LiveDocuments(string index)
    {
        using var dir = IndexStore.OpenDirectory(index);
        using var reader = DirectoryReader.Open(dir);
        var live = MultiFields.GetLiveDocs(reader);
        for (int doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live == null || live.Get(doc))
                yield return reader.Document(doc);
        }
    }
}
