using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;

namespace Search.Core.Snippets;

/// <summary>
/// What a query asks to find in one field, for highlighting: single terms (stemmed or exact, as
/// indexed) and exact phrases. Wildcard, prefix and fuzzy patterns are expanded against the index
/// (their 64 best terms), as FastVectorHighlighter does. Excluded (NOT) clauses contribute nothing.
/// </summary>
public sealed class QueryTerms
{
    private const int MaxExpansions = PatternTerms.MaxKept;

    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);

    /// <summary>Exact phrases (slop 0) as term sequences; sloppy phrases count as their terms.</summary>
    public List<string[]> Phrases { get; } = new();

    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    public static QueryTerms Extract(Query query, string field, IndexReader reader)
    {
        var result = new QueryTerms();
        result.Collect(query, field, reader);
        return result;
    }

    /// <summary>The terms a pattern that weighs every term alike (prefix, wildcard, range) matches,
    /// when there are no more than <see cref="MaxExpansions"/> of them: then they are exactly the
    /// rewrite's, read straight from the terms dictionary (the rewrite also looked up each term's
    /// statistics, a third of a prefix query's snippets). Null when there are more: the rewrite
    /// chooses which to keep.</summary>
    private static HashSet<string>? Enumerate(MultiTermQuery query, IndexReader reader)
    {
        // The search's rewrite has usually walked the terms already.
        if (PatternTerms.TryGet(query, reader, out var remembered))
            return remembered;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(query.Field);
            if (terms == null)
                continue;
            var e = query.GetTermsEnum(terms);
            while (e.MoveNext())
                if (found.Add(e.Term.Utf8ToString()) && found.Count > MaxExpansions)
                    return null;
        }
        return found;
    }

    /// <summary>The terms a pattern was rewritten to, as the terms dictionary holds them (a bare one
    /// stands for its stem, as in <see cref="Enumerate"/>).</summary>
    private void AddRewritten(Query rewritten)
    {
        if (rewritten is TermQuery t)
            Terms.Add(t.Term.Text);
        else if (rewritten is BooleanQuery b)
            foreach (var clause in b.Clauses)
                AddRewritten(clause.Query);
    }

    private static bool IsTextField(string field) => Array.IndexOf(Schema.TextFields, field) >= 0;

    /// <summary>
    /// A title or body term as snippets match it (<see cref="Indexing.Analysis.TextMode.Pairs"/>: each
    /// word's exact copy and its stem): the index keeps a word as written either as <c>=word</c> or,
    /// when the word is its own stem, bare (<see cref="Indexing.Analysis.OneTermPerToken"/>); a bare
    /// one is the exact word here too, not every word of that stem.
    /// </summary>
    private static string AsWritten(string term) =>
        term.Length > 0 && term[0] == Schema.ExactMarker ? term : Schema.ExactMarker + term;

    private void Collect(Query query, string field, IndexReader reader)
    {
        switch (query)
        {
            case TermQuery t when t.Term.Field == field:
                // In title or body, a term query is a word as written.
                Terms.Add(AsWritten(t.Term.Text));
                break;
            case TermQuery t when t.Term.Field == Schema.AllText && IsTextField(field):
                // The combined field holds the title's and body's stemmed terms.
                Terms.Add(t.Term.Text);
                break;
            case StemQuery s when s.Term.Field == field:
                Terms.Add(s.Term.Text);
                break;
            case PhraseQuery p when p.GetTerms().Length > 0 && p.GetTerms()[0].Field == field:
                var words = p.GetTerms().Select(t => AsWritten(t.Text)).ToArray();
                if (p.Slop == 0 && words.Length > 1)
                    Phrases.Add(words);
                else
                    Terms.UnionWith(words);
                break;
            case BooleanQuery b:
                foreach (var clause in b.Clauses)
                    if (clause.Occur != Occur.MUST_NOT)
                        Collect(clause.Query, field, reader);
                break;
            case MultiTermQuery m and not FuzzyQuery when (m.Field == field || (m.Field == Schema.AllText && IsTextField(field)))
                && Enumerate(m, reader) is { } all:
                Terms.UnionWith(all);
                break;
            case MultiTermQuery m when m.Field == field || (m.Field == Schema.AllText && IsTextField(field)):
                var copy = (MultiTermQuery)m.Clone();
                copy.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(MaxExpansions);
                AddRewritten(copy.Rewrite(reader));
                break;
            case StemsAndWordsPattern p when IsTextField(field):
                Collect(p.Stems, field, reader);
                foreach (var word in p.ExtraWords(reader))
                    if (word.Field == field)
                        Terms.Add(word.Text);
                break;
            case ConstantScoreQuery c when c.Query != null:
                Collect(c.Query, field, reader);
                break;
            case DisjunctionMaxQuery d:
                foreach (var q in d)
                    Collect(q, field, reader);
                break;
        }
    }
}
