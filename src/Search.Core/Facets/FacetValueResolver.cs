using System.Runtime.CompilerServices;
using Search.Core.Enrich.Places;
using Search.Core.Indexing;

namespace Search.Core.Facets;

/// <summary>
/// Turns the value people type for a facet (`place:uk`, `source:wikinews`, `--filter place=usa`)
/// into the values the index holds: the value itself when some article has it; else, for place,
/// the country the name stands for ("uk", "britain" → United Kingdom; "usa" → United States);
/// for source and links, the domains the word is a part of ("wikinews" → en.wikinews.org). A value
/// that still matches nothing gets suggestions: existing values that contain it or are within two
/// edits of it, most used first.
/// </summary>
public sealed class FacetValueResolver
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, FacetValueResolver>> Cache = new();

    private readonly string _dimension;
    /// <summary>Lower-cased key → display label and how many articles carry it.</summary>
    private readonly Dictionary<string, (string Label, int Count)> _values;

    private FacetValueResolver(string dimension, Dictionary<string, (string, int)> values)
    {
        _dimension = dimension;
        _values = values;
    }

    public static FacetValueResolver For(IndexReader reader, string dimension)
    {
        var byDimension = Cache.GetValue(reader.CoreCacheKey, _ => new Dictionary<string, FacetValueResolver>());
        lock (byDimension)
        {
            if (!byDimension.TryGetValue(dimension, out var resolver))
                byDimension[dimension] = resolver = new FacetValueResolver(dimension, Read(reader, dimension));
            return resolver;
        }
    }

    private static Dictionary<string, (string, int)> Read(IndexReader reader, string dimension)
    {
        var values = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        string field = FacetDimensions.Field(dimension);
        var scratch = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var dv = leaf.AtomicReader.GetSortedSetDocValues(field);
            if (dv == null)
                continue;
            for (long ord = 0; ord < dv.ValueCount; ord++)
            {
                dv.LookupOrd(ord, scratch);
                string label = scratch.Utf8ToString();
                string key = ArticleDocument.FacetKey(label);
                if (!values.ContainsKey(key))
                    values[key] = (label, reader.DocFreq(new Term(field, key)));
            }
        }
        return values;
    }

    /// <summary>The keys (lower-cased values) the typed value stands for; empty when none.</summary>
    public IReadOnlyList<string> Resolve(string typed)
    {
        string key = ArticleDocument.FacetKey(typed);
        if (_values.ContainsKey(key))
            return new[] { key };
        if (_dimension == "place" && PlaceRecognizer.Default.LabelFor(typed) is { } label && _values.ContainsKey(ArticleDocument.FacetKey(label)))
            return new[] { ArticleDocument.FacetKey(label) };
        // A language as people name it: `german`, `deu`, `de-AT` → de.
        if (_dimension == "language" && Enrich.Languages.LanguageCodes.Normalize(typed) is { } code && _values.ContainsKey(code))
            return new[] { code };
        if (_dimension is "source" or "links" && key.Length >= 3 && !key.Contains(' '))
            return _values.Keys.Where(v => v.Split('.').Contains(key) || v.Split('.').AsSpan()[..^1].Contains(key.Replace(".", ""))).Order(StringComparer.Ordinal).ToList();
        return Array.Empty<string>();
    }

    /// <summary>Up to <paramref name="max"/> existing values (display labels) close to one that matches nothing.</summary>
    public IReadOnlyList<string> Suggest(string typed, int max = 3)
    {
        string key = ArticleDocument.FacetKey(typed);
        return _values.Where(kv => kv.Key.Contains(key, StringComparison.Ordinal) || key.Contains(kv.Key, StringComparison.Ordinal) && kv.Key.Length >= 3
                                   || Levenshtein(kv.Key, key, 2) <= 2)
            .OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(max).Select(kv => kv.Value.Label).ToList();
    }

    /// <summary>The query with each facet term that matches nothing replaced by what it stands for;
    /// values that still match nothing are reported in <paramref name="notes"/> with suggestions.</summary>
    public static Query Rewrite(Query query, IndexReader reader, List<string> notes)
    {
        switch (query)
        {
            case TermQuery tq when tq.Term.Field.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal):
            {
                string dimension = tq.Term.Field[Schema.FacetPrefix.Length..];
                var resolver = For(reader, dimension);
                var keys = resolver.Resolve(tq.Term.Text);
                if (keys.Count == 1 && keys[0] == tq.Term.Text)
                    return query;
                if (keys.Count == 0)
                {
                    notes.Add(NothingMatches(dimension, tq.Term.Text, resolver.Suggest(tq.Term.Text)));
                    return query;
                }
                var any = new BooleanQuery(disableCoord: true) { Boost = tq.Boost };
                foreach (string k in keys)
                    any.Add(new TermQuery(new Term(tq.Term.Field, k)), Occur.SHOULD);
                return keys.Count == 1 ? new TermQuery(new Term(tq.Term.Field, keys[0])) { Boost = tq.Boost } : any;
            }
            case PrefixQuery pq when pq.Prefix.Field is Schema.FacetPrefix + "source" or Schema.FacetPrefix + "links":
            {
                // `source:wiki*` is a domain any of whose parts starts so (en.wikinews.org), as
                // `source:wikinews` is a domain with that part; Lucene's prefix reads whole values.
                string prefix = pq.Prefix.Text;
                var resolver = For(reader, pq.Prefix.Field[Schema.FacetPrefix.Length..]);
                var keys = resolver._values.Keys.Where(v => v.Split('.').Any(part => part.StartsWith(prefix, StringComparison.Ordinal))
                    || v.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                if (keys.Count == 0)
                    return query;
                var any = new BooleanQuery(disableCoord: true) { Boost = pq.Boost };
                foreach (string k in keys)
                    any.Add(new TermQuery(new Term(pq.Prefix.Field, k)), Occur.SHOULD);
                return any;
            }
            case TermQuery or PhraseQuery when UnmatchedWords(query, reader) is { } words:
            {
                // author: and tags: are searched as words, not values; a word no article has there
                // is said as the facet fields' values are, with the values it may have meant.
                string dimension = words.Field;
                string note = NothingMatches(dimension, words.Text, For(reader, dimension).Suggest(words.Text));
                if (!notes.Contains(note)) // once, not once per language the query was parsed as
                    notes.Add(note);
                return query;
            }
            case BooleanQuery bq:
            {
                // Copied only when a clause changed, so every other query reaches Lucene as parsed.
                var rewritten = bq.Clauses.Select(c => Rewrite(c.Query, reader, notes)).ToList();
                if (rewritten.Zip(bq.Clauses).All(p => ReferenceEquals(p.First, p.Second.Query)))
                    return query;
                var copy = new BooleanQuery(bq.CoordDisabled) { Boost = bq.Boost, MinimumNumberShouldMatch = bq.MinimumNumberShouldMatch };
                for (int i = 0; i < rewritten.Count; i++)
                    copy.Add(rewritten[i], bq.Clauses[i].Occur);
                return copy;
            }
            default:
                return query;
        }
    }

    /// <summary>An author: or tags: term, or phrase, with a word no article has in that field; null otherwise.</summary>
    private static (string Field, string Text)? UnmatchedWords(Query query, IndexReader reader)
    {
        // The field first: every word of every query passes here.
        if (query is TermQuery { Term.Field: not (Schema.Author or Schema.Tags) })
            return null;
        var terms = query is TermQuery tq ? [tq.Term] : ((PhraseQuery)query).GetTerms();
        if (terms.Length == 0 || terms[0].Field is not (Schema.Author or Schema.Tags) || terms.All(t => reader.DocFreq(t) > 0))
            return null;
        return (terms[0].Field, string.Join(' ', terms.Select(t => t.Text)));
    }

    public static string NothingMatches(string dimension, string typed, IReadOnlyList<string> suggestions) =>
        $"no article has {dimension} '{typed}'" + (suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions.Select(s => $"{dimension}:{Quote(s)}"))}?" : "");

    private static string Quote(string value) => value.Contains(' ') ? $"\"{value}\"" : value;

    /// <summary>Edit distance, stopping early past <paramref name="limit"/>.</summary>
    private static int Levenshtein(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int best = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                best = Math.Min(best, cur[j]);
            }
            if (best > limit)
                return limit + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
