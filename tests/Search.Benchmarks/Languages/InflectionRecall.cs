using Search.Core.Querying;

namespace Search.Benchmarks.Languages;

/// <summary>One form of a noun queried: the articles holding any form of the noun, how many of
/// them the query found, and how many articles it found in all.</summary>
/// <param name="Found">Hits in the noun's language.</param>
/// <param name="FoundElsewhere">Hits in other languages: unfiltered, a word that is also a word
/// of another language (German Fall, Kind; English fall, kind) finds that language's articles
/// too, which says nothing about how the noun's own language is stemmed; counted apart.</param>
/// <param name="HoldingInIndex">Articles of any language holding any form of the noun as a word,
/// in any case (an English text with `falls` holds the form `Falls`): the issue's "articles that
/// contain any form of it" read over the whole index, the second protocol of docs/languages.md.</param>
/// <param name="FoundOfHoldingInIndex">Hits among <paramref name="HoldingInIndex"/>.</param>
/// <param name="HoldingOfNouns">Articles holding any form of a noun the typed form is a form of, each
/// noun in its own language (<see cref="InflectedNouns.SpelledAlike"/>; filtered, only the listed
/// noun's): the third protocol of docs/languages.md.</param>
/// <param name="FoundOfHoldingOfNouns">Hits among <paramref name="HoldingOfNouns"/>.</param>
public sealed record FormResult(InflectedNoun Noun, string Form, bool Filtered, int Holding, int FoundOfHolding, int Found, int FoundElsewhere,
    int HoldingInIndex = 0, int FoundOfHoldingInIndex = 0, int HoldingOfNouns = 0, int FoundOfHoldingOfNouns = 0)
{
    public double Recall => Holding == 0 ? 1 : (double)FoundOfHolding / Holding;
    public double Ratio => Holding == 0 ? 0 : (double)Found / Holding;

    /// <summary>Every hit, in any language, against the articles of the noun's language holding a form.</summary>
    public double IndexRatio => Holding == 0 ? 0 : (double)(Found + FoundElsewhere) / Holding;

    /// <summary>Second protocol: hits among the articles of any language holding a form in any case, against them.</summary>
    public double RecallInIndex => HoldingInIndex == 0 ? 1 : (double)FoundOfHoldingInIndex / HoldingInIndex;

    /// <summary>Second protocol: every hit, in any language, against the articles of any language holding a form in any case.</summary>
    public double RatioInIndex => HoldingInIndex == 0 ? 0 : (double)(Found + FoundElsewhere) / HoldingInIndex;

    /// <summary>Third protocol: hits among the articles holding a form of any noun written as typed, each in its language, against them.</summary>
    public double RecallOfNouns => HoldingOfNouns == 0 ? 1 : (double)FoundOfHoldingOfNouns / HoldingOfNouns;

    /// <summary>Third protocol: every hit, in any language, against the articles holding a form of any noun written as typed.</summary>
    public double RatioOfNouns => HoldingOfNouns == 0 ? 0 : (double)(Found + FoundElsewhere) / HoldingOfNouns;
}

/// <summary>
/// Whether a noun's forms find each other in an index: every form that some article holds is
/// queried (alone, and with the filter of its language), and its hits compared with the articles
/// of its language that hold any form of the noun (<see cref="InflectedNouns.Holding"/> over their
/// stored title and body); hits in other languages are counted apart (<see cref="FormResult.FoundElsewhere"/>).
/// Unfiltered queries are also compared with the articles of every language that hold a form in
/// any case (<see cref="FormResult.HoldingInIndex"/>).
/// </summary>
public static class InflectionRecall
{
    public static IEnumerable<FormResult> Measure(ArticleSearcher searcher, IEnumerable<InflectedNoun> nouns)
    {
        var texts = new IndexTexts(searcher);
        var languages = searcher.Languages();
        foreach (var noun in nouns)
        {
            var set = texts.Of(noun.Language);
            var holdingIdx = InflectedNouns.Holding(noun, set.Texts);
            var holding = holdingIdx.Select(i => set.Ids[i]).ToHashSet(StringComparer.Ordinal);
            var holdingInIndex = languages.SelectMany(l => texts.HoldingAnyCase(l, noun.Forms)).ToHashSet(StringComparer.Ordinal);
            var ofLanguage = set.Ids.ToHashSet(StringComparer.Ordinal);
            foreach (string form in noun.Forms)
            {
                if (InflectedNouns.Holding(noun with { Forms = [form] }, set.Texts).Count == 0)
                    continue; // a form no article has says nothing about finding the others
                foreach (bool filtered in new[] { false, true })
                {
                    var found = Hits(searcher, form, filtered ? noun.Language : null);
                    var inIndex = filtered ? holdingInIndex.Where(ofLanguage.Contains).ToHashSet(StringComparer.Ordinal) : holdingInIndex;
                    var ofNouns = new HashSet<string>(holding, StringComparer.Ordinal);
                    if (!filtered)
                        foreach (var alike in InflectedNouns.SpelledAs(noun, form).Where(n => languages.Contains(n.Language)))
                            ofNouns.UnionWith(texts.HoldingAnyCase(alike.Language, alike.Forms));
                    yield return new FormResult(noun, form, filtered, holding.Count, found.Count(holding.Contains), found.Count(ofLanguage.Contains),
                        found.Count(id => !ofLanguage.Contains(id)), inIndex.Count, found.Count(inIndex.Contains), ofNouns.Count, found.Count(ofNouns.Contains));
                }
            }
        }
    }

    /// <summary>The ids <paramref name="query"/> finds, in <paramref name="language"/> only when given.</summary>
    internal static HashSet<string> Hits(ArticleSearcher searcher, string query, string? language) =>
        searcher.SearchAll(new SearchRequest
        {
            Query = query,
            Snippets = false,
            Filters = language != null ? new Dictionary<string, IReadOnlyList<string>> { ["language"] = [language] } : new Dictionary<string, IReadOnlyList<string>>(),
        }).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The ids and stored title and body of each language's articles, read once per language.</summary>
internal sealed class IndexTexts(ArticleSearcher searcher)
{
    private readonly Dictionary<string, (List<string> Ids, List<string> Texts)> _byLanguage = new(StringComparer.Ordinal);

    public (List<string> Ids, List<string> Texts) Of(string language)
    {
        if (!_byLanguage.TryGetValue(language, out var set))
        {
            var ids = searcher.SearchAll(new SearchRequest { Query = $"language:{language}", Snippets = false }).Select(h => h.Id).ToList();
            _byLanguage[language] = set = (ids, ids.Select(id => searcher.Get(id)!).Select(a => a.Title + "\n" + a.Body).ToList());
        }
        return set;
    }

    private readonly Dictionary<string, List<HashSet<string>>> _words = new(StringComparer.Ordinal);

    /// <summary>The ids of <paramref name="language"/>'s articles holding any of <paramref name="forms"/>
    /// as a word, in any case (an English text with `falls` holds the form `Falls`; each text's words read once).</summary>
    public IEnumerable<string> HoldingAnyCase(string language, IReadOnlyList<string> forms)
    {
        var set = Of(language);
        if (!_words.TryGetValue(language, out var words))
            _words[language] = words = set.Texts.Select(t => InflectedNouns.Words(t).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)).ToList();
        var lower = forms.Select(f => f.ToLowerInvariant()).ToList();
        return Enumerable.Range(0, words.Count).Where(i => lower.Any(words[i].Contains)).Select(i => set.Ids[i]);
    }
}
