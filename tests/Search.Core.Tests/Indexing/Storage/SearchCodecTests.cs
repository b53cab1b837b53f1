using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Indexing.Maintenance;
using Search.Core.Indexing.Storage;
using Search.Core.Querying.StoredFields;
using Search.Core.Tests.Querying.StoredFields;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Storage;

/// <summary>
/// The codec a build writes (<see cref="SearchCodec"/>): every segment of a build is in it and
/// passes `search check`; an index of the stock codec (an earlier version's) reads as before, and
/// one that holds both kinds of segment reads the same values in both, before and after a merge
/// rewrites them into ours.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class SearchCodecTests(SeedIndex seeds)
{
    [Fact]
    public void A_build_writes_every_segment_in_our_codec_and_check_finds_no_damage()
    {
        using var dir = IndexStore.OpenDirectory(seeds.IndexPath);
        using var reader = DirectoryReader.Open(dir);
        Assert.NotEmpty(reader.Leaves);
        foreach (var leaf in reader.Leaves)
        {
            var info = ((SegmentReader)leaf.Reader).SegmentInfo.Info;
            Assert.Equal(SearchCodec.Name, info.Codec.Name);
            Assert.IsType<DeflateStoredFieldsFormat>(info.Codec.StoredFieldsFormat);
        }
        Assert.IsType<SearchCodec>(Codec.ForName(SearchCodec.Name));
        var report = IndexCheck.Run(seeds.IndexPath, fix: false);
        Assert.True(report.Healthy);
    }

    [Fact]
    public void Old_lz4_segments_and_new_ones_read_the_same_before_and_after_a_merge()
    {
        using var temp = new TempDir();
        string mixed = Path.Combine(temp.Path, "mixed");
        int seedArticles;
        using (var source = IndexStore.OpenDirectory(seeds.IndexPath))
        using (var seedReader = DirectoryReader.Open(source))
        {
            // The seed articles twice: once in the stock codec, as earlier versions wrote them,
            // then once more in ours, each as a segment of its own.
            seedArticles = seedReader.NumDocs;
            using var dir = IndexStore.OpenDirectory(mixed);
            AddAll(dir, seedReader, new Lucene46Codec());
            AddAll(dir, seedReader, Codec.ForName(SearchCodec.Name));
        }
        var before = StoredValues(mixed);
        using (var dir = IndexStore.OpenDirectory(mixed))
        using (var reader = DirectoryReader.Open(dir))
        {
            Assert.Equal(["Lucene46", SearchCodec.Name], reader.Leaves.Select(l => ((SegmentReader)l.Reader).SegmentInfo.Info.Codec.Name).Order(StringComparer.Ordinal).ToArray());
        }
        int read = HitDocumentsTests.CompareEveryDocument(mixed, expectAllOurs: true);
        Assert.Equal(2 * seedArticles, read);

        using (var dir = IndexStore.OpenDirectory(mixed))
        using (var writer = new IndexWriter(dir, Config(Codec.ForName(SearchCodec.Name), OpenMode.APPEND, merge: true)))
            writer.ForceMerge(1);
        using (var dir = IndexStore.OpenDirectory(mixed))
        using (var reader = DirectoryReader.Open(dir))
            Assert.Equal(SearchCodec.Name, ((SegmentReader)reader.Leaves.Single().Reader).SegmentInfo.Info.Codec.Name);
        Assert.Equal(before, StoredValues(mixed));
        Assert.Equal(read, HitDocumentsTests.CompareEveryDocument(mixed, expectAllOurs: true));
    }

    private static IndexWriterConfig Config(Codec codec, OpenMode mode, bool merge = false) =>
        new(Lucene.Net.Util.LuceneVersion.LUCENE_48, null)
        {
            Codec = codec,
            OpenMode = mode,
            UseCompoundFile = false,
            MergePolicy = merge ? new TieredMergePolicy { NoCFSRatio = 0.0 } : NoMergePolicy.NO_COMPOUND_FILES,
        };

    /// <summary>Adds every document of <paramref name="source"/> as one new segment written in <paramref name="codec"/>.</summary>
    private static void AddAll(Lucene.Net.Store.Directory dir, DirectoryReader source, Codec codec)
    {
        using var writer = new IndexWriter(dir, Config(codec, OpenMode.CREATE_OR_APPEND));
        writer.AddIndexes(source);
        writer.Commit();
    }

    /// <summary>Every stored string of every document, in document order (our reader's, checked
    /// against Lucene's by <see cref="HitDocumentsTests.CompareEveryDocument"/>).</summary>
    private static List<string> StoredValues(string index)
    {
        using var dir = IndexStore.OpenDirectory(index);
        using var reader = DirectoryReader.Open(dir);
        var set = new StoredFieldSet(Schema.Title, Schema.Body, Schema.Id);
        return Enumerable.Range(0, reader.MaxDoc).Select(d => HitDocuments.Read(reader, d, set))
            .Select(v => $"{v.Get(Schema.Id)}|{v.Get(Schema.Title)}|{v.Get(Schema.Body)}").ToList();
    }
}

/// <summary>An index whose segments name a codec this version does not know (as a newer version's
/// would) is refused with one line that says so, not called damaged.</summary>
public sealed class UnknownCodecTests
{
    [Fact]
    public void An_index_in_a_codec_this_version_does_not_know_is_refused_in_one_line()
    {
        using var temp = new TempDir();
        using (var dir = IndexStore.OpenDirectory(temp.Path))
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, null) { Codec = new NotRegisteredCodec() }))
        {
            writer.AddDocument(new Lucene.Net.Documents.Document { new Lucene.Net.Documents.StoredField(Schema.Title, "x") });
            writer.Commit();
        }
        var e = Assert.Throws<SearchException>(() => Search.Core.Querying.ArticleSearcher.Open(temp.Path).Dispose());
        Assert.Contains("Lucene codec 'SearchTestNotRegistered'", e.Message);
        Assert.Contains("a newer version built it", e.Message);
        Assert.DoesNotContain("damaged", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>Written without being registered: Lucene writes a codec's name without looking it up.</summary>
    [CodecName("SearchTestNotRegistered")]
    private sealed class NotRegisteredCodec() : FilterCodec(new Lucene46Codec());
}
