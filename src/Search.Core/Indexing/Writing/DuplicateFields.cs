using Lucene.Net.Documents;
using Lucene.Net.Util;
using Search.Core.Duplicates;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// The fields an article carries for duplicate clustering: its LSH band keys (binary doc values,
/// <see cref="LshBands.KeyBytes"/> bytes, read by <see cref="DuplicateClusterer"/> to find
/// candidates) and its cluster key (numeric doc value). The band keys are not terms: forty nearly
/// unique terms per article were most of the terms of an index and a quarter of a build's time
/// (every unique term is sorted, written and merged again and again), where a fixed-width doc value
/// is copied as it is. Nothing else is stored for it: a candidate is verified from the stored text.
/// The key starts as the article's own key negated, "not clustered yet", and
/// <see cref="DuplicateClusterer"/> sets it before the commit; an article too short to compare is
/// its own cluster from the start.
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
        doc.Add(new BinaryDocValuesField(Schema.DuplicateBands, new BytesRef(LshBands.Write(print.Signature))));
        doc.Add(new NumericDocValuesField(Schema.Cluster, -print.OwnKey));
    }
}
