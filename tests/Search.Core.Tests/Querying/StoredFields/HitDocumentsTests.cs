using Lucene.Net.Index;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.StoredFields;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Querying.StoredFields;

/// <summary>
/// <see cref="HitDocuments"/> reads the stored fields files itself; every value must be the one
/// Lucene's own loading gives, for every document and every stored field of real indexes (the
/// seeds; German, Russian and English articles) and for a document written over several blocks,
/// in the deflate of our codec and in the LZ4 of the stock one (indexes of earlier versions);
/// documents left to Lucene (an asked field stored as a number) come out the same too.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class HitDocumentsTests(SeedIndex seeds)
{
    [Fact]
    public void Every_seed_document_reads_as_Lucene_reads_it()
    {
        int read = CompareEveryDocument(seeds.IndexPath, expectAllOurs: true);
        Assert.True(read > 100, $"only {read} documents");
    }

    [Fact]
    public void A_document_longer_than_two_chunks_reads_as_Lucene_reads_it()
    {
        using var dir = new TempDir();
        string corpus = Path.Combine(dir.Path, "corpus");
        Directory.CreateDirectory(corpus);
        var seedText = File.ReadAllText(Directory.EnumerateFiles(RepoPaths.Seeds, "*.txt").First());
        // 80 KB of text: more than two chunks (8 KB ours, 16 KB the stock codec's), so Lucene
        // writes it as one block per chunk size.
        File.WriteAllText(Path.Combine(corpus, "long.txt"), "A very long report\n\n" + string.Concat(Enumerable.Repeat(seedText + "\n\n", 80_000 / seedText.Length + 1)));
        for (int i = 0; i < 20; i++)
            File.WriteAllText(Path.Combine(corpus, $"short-{i}.txt"), $"Short note {i}\n\nNumber {i} says: ü, ß, 中文, and \U0001F600 stay whole.");
        string index = Path.Combine(dir.Path, "index");
        IndexBuilder.Build(new BuildOptions { Roots = new[] { corpus }, IndexPath = index });

        using var luceneDir = IndexStore.OpenDirectory(index);
        using var reader = DirectoryReader.Open(luceneDir);
        int longDoc = Enumerable.Range(0, reader.MaxDoc).Single(d => reader.Document(d).Get(Schema.Title) == "A very long report");
        var leaf = reader.Leaves[ReaderUtil.SubIndex(longDoc, reader.Leaves)];
        using (var stored = SegmentStoredFields.Open((SegmentReader)leaf.Reader))
        {
            Assert.NotNull(stored);
            var values = new string?[1];
            Assert.True(stored.TryRead(longDoc - leaf.DocBase, new StoredFieldSet(Schema.Body), values));
            Assert.True(values[0]!.Length > 65_536, $"body of {values[0]!.Length} characters");
            Assert.Equal(reader.Document(longDoc).Get(Schema.Body), values[0]);
        }
        Assert.Equal(21, CompareEveryDocument(index, expectAllOurs: true));

        // The same documents in the stock codec's LZ4, as an index of an earlier version holds them.
        string lz4 = Path.Combine(dir.Path, "lz4");
        using (var lz4Dir = IndexStore.OpenDirectory(lz4))
        using (var writer = new IndexWriter(lz4Dir, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, null) { Codec = new Lucene.Net.Codecs.Lucene46.Lucene46Codec(), UseCompoundFile = false }))
            writer.AddIndexes(reader);
        Assert.Equal(21, CompareEveryDocument(lz4, expectAllOurs: true));
    }

    [Fact]
    public void Segments_in_their_own_files_are_read_mapped()
    {
        using var dir = IndexStore.OpenDirectory(seeds.IndexPath);
        using var reader = DirectoryReader.Open(dir);
        int mapped = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = (SegmentReader)leaf.Reader;
            using var ours = SegmentStoredFields.Open(segment);
            Assert.NotNull(ours);
            Assert.Equal(!segment.SegmentInfo.Info.UseCompoundFile, ours.IsMapped);
            mapped += ours.IsMapped ? 1 : 0;
        }
        Assert.True(mapped > 0, "no segment of the seeds' index is in its own files");
    }

    [Theory]
    [InlineData("Lucene46")]
    [InlineData(Search.Core.Indexing.Storage.SearchCodec.Name)]
    public void A_compound_segment_is_read_through_its_input_as_Lucene_reads_it(string codec)
    {
        using var temp = new TempDir();
        using (var fs = new Lucene.Net.Store.SimpleFSDirectory(new DirectoryInfo(temp.Path)))
        {
            var config = new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48))
            {
                UseCompoundFile = true,
                Codec = Lucene.Net.Codecs.Codec.ForName(codec),
            };
            using var writer = new IndexWriter(fs, config);
            // Forty lines of the seeds' Wikinews file, each a document of a few hundred bytes:
            // several to a chunk.
            int n = 0;
            foreach (string line in File.ReadLines(Path.Combine(RepoPaths.Seeds, "wikinews_2019.csv")).Where(l => l.Length > 40).Take(40))
            {
                writer.AddDocument(new Lucene.Net.Documents.Document
                {
                    new Lucene.Net.Documents.StringField(Schema.Title, $"line {n++}", Lucene.Net.Documents.Field.Store.YES),
                    new Lucene.Net.Documents.StoredField(Schema.Body, line),
                });
            }
        }
        using var dir = IndexStore.OpenDirectory(temp.Path);
        using var reader = DirectoryReader.Open(dir);
        var segment = (SegmentReader)reader.Leaves.Single().Reader;
        Assert.True(segment.SegmentInfo.Info.UseCompoundFile);
        Assert.Equal(codec, segment.SegmentInfo.Info.Codec.Name);
        using var ours = SegmentStoredFields.Open(segment);
        Assert.NotNull(ours);
        Assert.False(ours.IsMapped);
        var set = new StoredFieldSet(Schema.Title, Schema.Body);
        for (int d = 0; d < segment.MaxDoc; d++)
        {
            var values = new string?[2];
            Assert.True(ours.TryRead(d, set, values));
            Assert.Equal(segment.Document(d).Get(Schema.Title), values[0]);
            Assert.Equal(segment.Document(d).Get(Schema.Body), values[1]);
        }
        Assert.Equal(40, segment.MaxDoc);
    }

    /// <summary>Compares every stored field of every live document; returns how many were read.</summary>
    internal static int CompareEveryDocument(string indexPath, bool expectAllOurs)
    {
        using var dir = IndexStore.OpenDirectory(indexPath);
        using var reader = DirectoryReader.Open(dir);
        var live = MultiFields.GetLiveDocs(reader);
        var names = Enumerable.Range(0, reader.MaxDoc).Where(d => live == null || live.Get(d))
            .SelectMany(d => reader.Document(d).Fields.Select(f => f.Name)).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(Schema.Body, names);
        Assert.Contains(Schema.Title, names);
        // All fields (numbers among them, which are left to Lucene), the fields of a hit, and a set
        // naming a field no document has.
        var sets = new[] { new StoredFieldSet(names), new StoredFieldSet([.. HitBuilder.HitFields.Names, Schema.Body]), new StoredFieldSet(Schema.Title, "no-such-field") };
        int read = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = (SegmentReader)leaf.Reader;
            using var ours = SegmentStoredFields.Open(segment);
            Assert.NotNull(ours);
            for (int d = 0; d < segment.MaxDoc; d++)
            {
                if (segment.LiveDocs != null && !segment.LiveDocs.Get(d))
                    continue;
                var expected = segment.Document(d);
                foreach (var set in sets)
                {
                    bool onlyStrings = set != sets[0];
                    var values = new string?[set.Names.Count];
                    bool served = ours.TryRead(d, set, values);
                    if (expectAllOurs && onlyStrings)
                        Assert.True(served, $"document {d} of {segment.SegmentName} left to Lucene");
                    var viaHits = HitDocuments.Read(reader, leaf.DocBase + d, set);
                    for (int i = 0; i < set.Names.Count; i++)
                    {
                        string? want = expected.Get(set.Names[i]);
                        if (served)
                            Assert.True(want == values[i], $"{set.Names[i]} of document {d} of {segment.SegmentName}: '{values[i]}' read, '{want}' stored");
                        Assert.Equal(want, viaHits.Get(set.Names[i]));
                    }
                }
                read++;
            }
        }
        return read;
    }
}

/// <summary>The same comparison on German, Russian and English articles (the shared multilingual index).</summary>
[Collection(MultilingualIndexCollection.Name)]
public sealed class MultilingualHitDocumentsTests(MultilingualIndex index)
{
    [SharedFact]
    public void Every_German_Russian_and_BBC_document_reads_as_Lucene_reads_it()
    {
        _ = index.Searcher; // built on first use
        int read = HitDocumentsTests.CompareEveryDocument(index.IndexPath, expectAllOurs: true);
        Assert.True(read > 3000, $"only {read} documents");
    }
}
