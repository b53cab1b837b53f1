using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Duplicates;
using Search.Core.Indexing;
using Search.Core.Indexing.Writing;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>The candidate search's runs of equal band keys, on the seed index's own keys: the same
/// runs as grouping each band's keys in a dictionary.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class BandEntriesTests(SeedIndex seeds)
{
    [Fact]
    public void Runs_are_the_articles_sharing_a_key_in_each_band()
    {
        var keys = SeedKeys();
        Assert.True(keys.Count > 50, $"{keys.Count} seed articles with band keys");
        // Every third article a second time, under another slot: runs of two and more in every band,
        // besides whatever the seeds share.
        var articles = keys.Concat(keys.Where((_, i) => i % 3 == 0)).ToList();
        foreach (int bandsPerPass in new[] { LshBands.Bands, 7, 1 })
        {
            var found = new HashSet<(int, int)>();
            var expected = new HashSet<(int, int)>();
            var entries = new BandEntries(bandsPerPass, perBand: 4); // grows
            for (int first = 0; first < LshBands.Bands; first += bandsPerPass)
            {
                int last = Math.Min(LshBands.Bands, first + bandsPerPass);
                entries.Clear(last - first);
                for (int slot = 0; slot < articles.Count; slot++)
                {
                    Assert.Equal(slot, entries.AddArticle(slot, 0, 0));
                    for (int band = first; band < last; band++)
                        entries.Add(band - first, articles[slot][band], slot);
                }
                entries.SortedRuns((run, pairs) =>
                {
                    Assert.True(run.Length >= 2);
                    foreach (int a in run)
                        foreach (int b in run)
                            if (a < b)
                                pairs.Add((a, b));
                }, found);
                for (int band = first; band < last; band++)
                    foreach (var run in Enumerable.Range(0, articles.Count).GroupBy(s => articles[s][band]).Where(g => g.Count() >= 2))
                        foreach (int a in run)
                            foreach (int b in run)
                                if (a < b)
                                    expected.Add((a, b));
            }
            Assert.Equal(expected.Order(), found.Order());
            Assert.True(found.Count >= keys.Count / 3, $"{found.Count} pairs");
        }
    }

    [Fact]
    public void Sorting_orders_by_key_and_keeps_every_entry()
    {
        var keys = SeedKeys();
        var entries = keys.SelectMany((k, slot) => k.Select((key, band) => ((ulong)key << 32) | (uint)(slot * LshBands.Bands + band))).ToArray();
        var sorted = BandEntries.SortByKey(entries.ToArray(), new ulong[entries.Length]).ToArray();
        Assert.Equal(entries.Order(), sorted.Order()); // the same entries
        Assert.Equal(entries.Select(e => e >> 32).Order(), sorted.Select(e => e >> 32)); // by key
    }

    private List<uint[]> SeedKeys()
    {
        using var dir = Lucene.Net.Store.FSDirectory.Open(seeds.IndexPath);
        using var reader = DirectoryReader.Open(dir);
        var keys = new List<uint[]>();
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetBinaryDocValues(Schema.DuplicateBands);
            for (int d = 0; d < leaf.AtomicReader.MaxDoc; d++)
            {
                values.Get(d, bytes);
                if (bytes.Length != DuplicateFields.ValueBytes)
                    continue;
                var value = new ReadOnlySpan<byte>(bytes.Bytes, bytes.Offset, bytes.Length);
                var article = new uint[LshBands.Bands];
                for (int b = 0; b < article.Length; b++)
                    article[b] = LshBands.Read(value, b);
                keys.Add(article);
            }
        }
        return keys;
    }
}
