using Lucene.Net.Documents;
using Search.Core.Duplicates;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// The fields an article carries for duplicate clustering: its LSH band keys (terms, to find
/// candidates) and its cluster key (numeric doc value). Nothing else is stored for it: a candidate
/// is verified from the stored text. The key starts as the article's own key negated, "not
/// clustered yet", and <see cref="DuplicateClusterer"/> sets it before the commit; an article too
/// short to compare is its own cluster from the start.
/// </summary>
public static class DuplicateFields
{
    public static void Add(Document doc, Article article)
    {
        var print = DuplicateFingerprint.Of(article.Id, article.Body, article.Published);
        if (print == null)
        {
            doc.Add(new NumericDocValuesField(Schema.Cluster, DuplicateFingerprint.KeyOf(article.Id, article.Body)));
            return;
        }
        doc.Add(new BandKeysField(Schema.DuplicateBands, LshBands.Keys(print.Signature)));
        doc.Add(new NumericDocValuesField(Schema.Cluster, -print.OwnKey));
    }
}
