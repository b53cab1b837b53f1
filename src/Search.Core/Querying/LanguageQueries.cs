using Search.Core.Facets;
using Search.Core.Indexing;
using Search.Core.Indexing.Analysis;
using Search.Core.Indexing.Analysis.Languages;

namespace Search.Core.Querying;

/// <summary>
/// A query over an index of several languages (issue 23): the text is parsed once per analysis
/// the index holds (English, German, Russian, …), and each parse searches only the articles
/// analysed that way, so `Kinder` meets German articles as the German stem `kind` and English ones
/// as the English word `kinder`, never the English word `kind`. An article is scored by its own
/// language's parse alone, exactly as in an index of that language only. A query of plain words
/// is not searched in a language none of whose articles has one of its words as typed, when
/// another language's articles have it (the query's language, as the index's vocabulary tells it).
/// An index of English
/// (or undetermined) articles only gets the plain English parse, unchanged.
/// </summary>
internal static partial class LanguageQueries
{
    private static readonly string LanguageField = FacetDimensions.Field("language");

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndexReader, IReadOnlyList<string>> Codes = new();

    /// <summary>The language codes the index holds (the `language` facet's values), read once per
    /// reader (a reader never changes) rather than merged from every segment's terms per query.</summary>
    public static IReadOnlyList<string> CodesIn(IndexReader reader) => Codes.GetValue(reader, ReadCodes);

    private static IReadOnlyList<string> ReadCodes(IndexReader reader)
    {
        var codes = new List<string>();
        var terms = MultiFields.GetTerms(reader, LanguageField);
        if (terms == null)
            return codes;
        var e = terms.GetEnumerator();
        while (e.MoveNext())
            codes.Add(e.Term.Utf8ToString());
        return codes;
    }

    /// <summary>The analysis keys of <paramref name="codes"/>; English first, always there when
    /// some article is analysed as English (or none says otherwise).</summary>
    public static IReadOnlyList<string> KeysOf(IReadOnlyList<string> codes)
    {
        var keys = codes.Select(LanguageChains.KeyOf).Distinct().ToList();
        keys.Sort((a, b) => a == LanguageChains.English ? -1 : b == LanguageChains.English ? 1 : string.CompareOrdinal(a, b));
        return keys.Count == 0 ? new[] { LanguageChains.English } : keys;
    }

    /// <summary>
    /// <paramref name="text"/> parsed for every analysis of <paramref name="codes"/> and combined.
    /// Empty (nothing to search: "only stop words") when it is empty as English, or, being two
    /// words or more, as any language of the index (`der die und`); a single word that is a stop
    /// word of one language only (`war` in German) is still searched in the others.
    /// </summary>
    public static Query Parse(string text, bool matchAny, ArticleAnalyzers analyzers, int maxExpansions, RankingSettings ranking, IndexReader reader)
    {
        var codes = CodesIn(reader);
        // English first: its errors are the errors, as in an English index.
        var english = new ArticleQueryParser(analyzers, maxExpansions, ranking).ParseQuery(text, matchAny);
        var keys = KeysOf(codes);
        if (keys is [LanguageChains.English])
            return english;
        if (english is MatchAllDocsQuery)
            return english;
        var words = AnalyzedTerms.Of(analyzers.For(LanguageChains.Plain.Code).Exact, Schema.Body, text);
        bool severalWords = words.Count >= 2;
        var searcher = new IndexSearcher(reader);
        bool plain = !matchAny && PlainWords().IsMatch(text) && !Operators().IsMatch(text);
        var counts = plain ? keys.ToDictionary(k => k, k => words.Select(w => Count(searcher, w, k, codes)).ToList()) : null;
        // Plain words, one of which no article of a language has as typed while another
        // language has it (`Ende`, `Kindern` are no English words): the query is not in that
        // language, and its analysis there would only find what the words mean in it (`end`).
        // Unless that rules out every language (`Moskau Moscow`): then each is searched.
        var notIn = counts == null ? new HashSet<string>()
            : keys.Where(k => Enumerable.Range(0, words.Count).Any(i => counts[k][i] == 0 && counts.Values.Any(c => c[i] > 0))).ToHashSet();
        if (notIn.Count == keys.Count)
            notIn.Clear();
        var combined = new BooleanQuery(disableCoord: true);
        foreach (string key in keys)
        {
            if (notIn.Contains(key))
                continue;
            var parsed = key == LanguageChains.English ? english
                : new ArticleQueryParser(analyzers.For(key), maxExpansions, ranking).ParseQuery(text, matchAny);
            if (parsed is BooleanQuery { Clauses.Count: 0 })
            {
                if (key == LanguageChains.English || severalWords)
                    return new BooleanQuery();
                continue;
            }
            combined.Add(new BooleanQuery(disableCoord: true)
            {
                { parsed, Occur.MUST },
                // A filter clause: it scores nothing (boost 0), only narrows to the key's articles.
                { new ConstantScoreQuery(ArticlesOf(key, codes)) { Boost = 0 }, Occur.MUST },
            }, Occur.SHOULD);
        }
        return combined;
    }

    /// <summary>Articles analysed as <paramref name="key"/> whose title or body has <paramref name="word"/>
    /// as written: indexed as <c>=word</c> where its stem differs, bare where it is its own stem
    /// (<see cref="OneTermPerToken"/>).</summary>
    private static int Count(IndexSearcher searcher, string word, string key, IReadOnlyList<string> codes)
    {
        string bare = word.Length > 0 && word[0] == Schema.ExactMarker ? word[1..] : word;
        var any = new BooleanQuery();
        foreach (string field in Schema.TextFields)
        {
            any.Add(new TermQuery(new Term(field, bare)), Occur.SHOULD);
            any.Add(new TermQuery(new Term(field, Schema.ExactMarker + bare)), Occur.SHOULD);
        }
        var query = new BooleanQuery { { any, Occur.MUST }, { ArticlesOf(key, codes), Occur.MUST } };
        var count = new TotalHitCountCollector();
        searcher.Search(query, count);
        return count.TotalHits;
    }

    /// <summary>Words and spaces only: no operator, field, quote or pattern.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{L}\p{M}\p{N}\s'’.-]+$")]
    private static partial System.Text.RegularExpressions.Regex PlainWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"(^|\s)(AND|OR|NOT)(\s|$)")]
    private static partial System.Text.RegularExpressions.Regex Operators();

    /// <summary>The articles analysed as <paramref name="key"/>: for English, every article not in
    /// a language with another analysis (undetermined and unstated ones too).</summary>
    private static BooleanQuery ArticlesOf(string key, IReadOnlyList<string> codes)
    {
        var query = new BooleanQuery();
        if (key == LanguageChains.English)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
            foreach (string code in codes.Where(c => LanguageChains.KeyOf(c) != LanguageChains.English))
                query.Add(new TermQuery(new Term(LanguageField, code)), Occur.MUST_NOT);
            return query;
        }
        foreach (string code in codes.Where(c => LanguageChains.KeyOf(c) == key))
            query.Add(new TermQuery(new Term(LanguageField, code)), Occur.SHOULD);
        return query;
    }
}
