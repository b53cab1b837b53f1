using Search.Core.Facets;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// A request's filters: values within a dimension are OR'd, dimensions AND'd; filters do not
/// change scores. <see cref="Normalize"/> checks the dimensions and merges repeated ones; <see cref="Resolve"/>
/// turns the values people type into the values (keys) the index holds.
/// </summary>
internal static class SearchFilters
{
    public static Dictionary<string, IReadOnlyList<string>> Normalize(IReadOnlyDictionary<string, IReadOnlyList<string>> filters)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (name, values) in filters)
        {
            string dim = FacetDimensions.Normalize(name) ?? throw new SearchException(UnknownDimension(name), QuerySyntaxException.Code);
            var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Ingest.ComposedLetters.Of(v.Trim())).ToList();
            if (list.Count == 0)
                continue;
            foreach (string v in list)
                DateQueries.CheckFilter(dim, v);
            result[dim] = result.TryGetValue(dim, out var existing) ? existing.Concat(list).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : list;
        }
        return result;
    }

    public static string UnknownDimension(string name) =>
        $"unknown facet '{name}'; facets are {string.Join(", ", FacetDimensions.All)}";

    /// <summary>The index values (keys) each filter value stands for (see <see cref="FacetValueResolver"/>);
    /// a value that stands for none keeps its own key, matches nothing, and gets a note.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Resolve(IndexReader reader, Dictionary<string, IReadOnlyList<string>> filters, List<string> notes)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (dim, values) in filters)
        {
            var resolver = FacetValueResolver.For(reader, dim);
            var list = new List<string>();
            foreach (string v in values)
            {
                var found = resolver.Resolve(v);
                if (found.Count == 0)
                {
                    notes.Add(FacetValueResolver.NothingMatches(dim, v, resolver.Suggest(v)));
                    list.Add(ArticleDocument.FacetKey(v));
                }
                else
                    list.AddRange(found);
            }
            keys[dim] = list.Distinct().ToList();
        }
        return keys;
    }

    /// <summary>The filter of every dimension in <paramref name="filterKeys"/> but those in
    /// <paramref name="except"/>; null when none is left.</summary>
    public static Filter? Build(IReadOnlyDictionary<string, IReadOnlyList<string>> filterKeys, ICollection<string>? except = null)
    {
        var all = new BooleanQuery();
        foreach (var (dim, keys) in filterKeys)
        {
            if (except != null && except.Contains(dim))
                continue;
            all.Add(AnyOf(dim, keys), Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    /// <summary>Articles with any of the keys of one dimension.</summary>
    public static Query AnyOf(string dimension, IEnumerable<string> keys)
    {
        var any = new BooleanQuery();
        foreach (string k in keys)
            any.Add(new TermQuery(new Term(FacetDimensions.Field(dimension), k)), Occur.SHOULD);
        return any;
    }
}
