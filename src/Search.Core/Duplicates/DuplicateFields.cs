using Lucene.Net.Documents;
using Lucene.Net.Util;
using Search.Core.Indexing;
using Search.Core.Ingest;

namespace Search.Core.Duplicates;

/// <summary>
/// The fields an article carries for duplicate clustering: its LSH band keys (terms, to find
/// candidates), its <see cref="DuplicateFingerprint"/> (binary doc value, to verify them) and its
/// cluster key (numeric doc value). The key starts at 0, "not clustered yet", and
/// <see cref="DuplicateClusterer"/> sets it before the commit; an article too short to compare
/// is its own cluster from the start.
/// </summary>
public static class DuplicateFields
{
    public static void Add(Document doc, Article article)
    {
        var print = DuplicateFingerprint.Of(article.Id, article.Body, article.Published);
        if (print?.Encode() is not { } bytes)
        {
            doc.Add(new NumericDocValuesField(Schema.Cluster, DuplicateFingerprint.KeyOf(article.Id, article.Body)));
            return;
        }
        doc.Add(new BandKeysField(Schema.DuplicateBands, LshBands.Keys(print.Signature)));
        doc.Add(new BinaryDocValuesField(Schema.DuplicateFingerprint, new BytesRef(bytes)));
        doc.Add(new NumericDocValuesField(Schema.Cluster, DuplicateClusterer.Unassigned));
    }
}
