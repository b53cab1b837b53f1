using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Duplicates;
using Search.Core.Indexing;
using Search.Core.Indexing.Writing;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

/// <summary>The duplicate fields as the seed index holds them: what clustering reads from the doc
/// values must be what the article's stored text gives.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class DuplicateFieldsTests(SeedIndex seeds)
{
    [Fact]
    public void Each_articles_band_keys_shingle_count_and_date_are_those_of_its_stored_text()
    {
        using var dir = Lucene.Net.Store.FSDirectory.Open(seeds.IndexPath);
        using var reader = DirectoryReader.Open(dir);
        int withKeys = 0, tooShort = 0;
        var bytes = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetBinaryDocValues(Schema.DuplicateBands);
            Assert.NotNull(values);
            for (int d = 0; d < leaf.AtomicReader.MaxDoc; d++)
            {
                var stored = leaf.AtomicReader.Document(d);
                var print = DuplicateFingerprint.Of(stored.Get(Schema.Id), stored.Get(Schema.Body), stored.Get(Schema.Published));
                values.Get(d, bytes);
                if (print == null)
                {
                    Assert.Equal(0, bytes.Length);
                    tooShort++;
                    continue;
                }
                Assert.Equal(DuplicateFields.ValueBytes, bytes.Length);
                var value = new ReadOnlySpan<byte>(bytes.Bytes, bytes.Offset, bytes.Length);
                var keys = LshBands.Keys(print.Signature);
                for (int band = 0; band < LshBands.Bands; band++)
                    Assert.Equal(keys[band], LshBands.Read(value, band));
                Assert.Equal(print.Shingles.Length, DuplicateFields.Shingles(value));
                Assert.Equal(print.Date, DuplicateFields.Date(value));
                withKeys++;
            }
        }
        Assert.Equal(296, withKeys + tooShort);
        Assert.True(withKeys > 250, $"{withKeys} seed articles have band keys");
    }
}
