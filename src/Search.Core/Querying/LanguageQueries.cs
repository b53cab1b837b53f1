using Lucene.Net.Index;
using Lucene.Net.Search;
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
/// language's parse alone, exactly as in an index of that language only. An index of English
/// (or undetermined) articles only gets the plain English parse, unchanged.
/// </summary>
internal static class LanguageQueries
{
    private static readonly string LanguageField = FacetDimensions.Field("language");

    /// <summary>The language codes the index holds (the `language` facet's values).</summary>
    public static IReadOnlyList<string> CodesIn(IndexReader reader)
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
    public static Query Parse(string text, bool matchAny, ArticleAnalyzers analyzers, int maxExpansions, RankingSettings ranking, IReadOnlyList<string> codes)
    {
        // English first: its errors are the errors, as in an English index.
        var english = new ArticleQueryParser(analyzers, maxExpansions, ranking).ParseQuery(text, matchAny);
        var keys = KeysOf(codes);
        if (keys is [LanguageChains.English])
            return english;
        if (english is MatchAllDocsQuery)
            return english;
        bool severalWords = AnalyzedTerms.Of(analyzers.For(LanguageChains.Plain.Code).Exact, Schema.Body, text).Count >= 2;
        var combined = new BooleanQuery(disableCoord: true);
        foreach (string key in keys)
        {
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
