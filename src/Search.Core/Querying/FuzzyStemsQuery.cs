using Search.Core.Indexing.Analysis;

namespace Search.Core.Querying;

/// <summary>
/// A misspelt word in a named text field (`title:protst~`): the stems within the edits asked,
/// found in the combined field (<see cref="Schema.AllText"/>, which holds every stem of title and
/// body), each searched in the field as all the forms it is indexed as (<see cref="StemQuery"/>).
/// Title and body hold a word's exact form where it is not its own stem, so a fuzzy query on the
/// field alone would find `protest` but not `protesters`, whose stem it is.
/// </summary>
internal sealed class FuzzyStemsQuery(string field, FuzzyQuery stems, Analyzer stemmed) : Query
{
    private FuzzyQuery Stems => stems;

    public override Query Rewrite(IndexReader reader)
    {
        var terms = new HashSet<Term>();
        stems.Rewrite(reader).ExtractTerms(terms);
        var query = new BooleanQuery(disableCoord: true) { Boost = Boost };
        foreach (var stem in terms.OrderBy(t => t.Text, StringComparer.Ordinal))
            query.Add(new StemQuery(new Term(field, stem.Text), stemmed), Occur.SHOULD);
        return query;
    }

    public override string ToString(string defaultField) =>
        (field == defaultField ? "" : field + ":") + stems.Term.Text + "~" + stems.MaxEdits + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) =>
        obj is FuzzyStemsQuery other && other.ToString() == ToString() && other.Stems.Equals(stems);

    public override int GetHashCode() => HashCode.Combine(field, stems, Boost);
}
