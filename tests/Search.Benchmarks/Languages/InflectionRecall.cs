using Search.Core.Querying;

namespace Search.Benchmarks.Languages;

/// <summary>One form of a noun queried: the articles holding any form of the noun, how many of
/// them the query found, and how many articles it found in all.</summary>
/// <param name="Found">Hits in the noun's language.</param>
/// <param name="FoundElsewhere">Hits in other languages: unfiltered, a word that is also a word
/// of another language (German Fall, Kind; English fall, kind) finds that language's articles
/// too, which says nothing about how the noun's own language is stemmed; counted apart.</param>
public sealed record FormResult(InflectedNoun Noun, string Form, bool Filtered, int Holding, int FoundOfHolding, int Found, int FoundElsewhere)
{
    public double Recall => Holding == 0 ? 1 : (double)FoundOfHolding / Holding;
    public double Ratio => Holding == 0 ? 0 : (double)Found / Holding;

    /// <summary>Every hit, in any language, against the articles of the noun's language holding a form.</summary>
    public double IndexRatio => Holding == 0 ? 0 : (double)(Found + FoundElsewhere) / Holding;
}

/// <summary>
/// Whether a noun's forms find each other in an index: every form that some article holds is
/// queried (alone, and with the filter of its language), and its hits compared with the articles
/// of its language that hold any form of the noun (<see cref="InflectedNouns.Holding"/> over their
/// stored title and body); hits in other languages are counted apart (<see cref="FormResult.FoundElsewhere"/>).
/// </summary>
public static class InflectionRecall
{
    public static IEnumerable<FormResult> Measure(ArticleSearcher searcher, IEnumerable<InflectedNoun> nouns)
    {
        var texts = new Dictionary<string, (List<string> Ids, List<string> Texts)>();
        (List<string> Ids, List<string> Texts) Texts(string query)
        {
            if (!texts.TryGetValue(query, out var set))
            {
                var ids = searcher.SearchAll(new SearchRequest { Query = query, Snippets = false }).Select(h => h.Id).ToList();
                texts[query] = set = (ids, ids.Select(id => searcher.Get(id)!).Select(a => a.Title + "\n" + a.Body).ToList());
            }
            return set;
        }
        foreach (var noun in nouns)
        {
            var set = Texts($"language:{noun.Language}");
            var holdingIdx = InflectedNouns.Holding(noun, set.Texts);
            var holding = holdingIdx.Select(i => set.Ids[i]).ToHashSet(StringComparer.Ordinal);
            foreach (string form in noun.Forms)
            {
                if (InflectedNouns.Holding(noun with { Forms = [form] }, set.Texts).Count == 0)
                    continue; // a form no article has says nothing about finding the others
                foreach (bool filtered in new[] { false, true })
                {
                    var request = new SearchRequest
                    {
                        Query = form,
                        Snippets = false,
                        Filters = filtered ? new Dictionary<string, IReadOnlyList<string>> { ["language"] = [noun.Language] } : new Dictionary<string, IReadOnlyList<string>>(),
                    };
                    var found = searcher.SearchAll(request).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
                    var ofLanguage = set.Ids.ToHashSet(StringComparer.Ordinal);
                    yield return new FormResult(noun, form, filtered, holding.Count, found.Count(holding.Contains), found.Count(ofLanguage.Contains), found.Count(id => !ofLanguage.Contains(id)));
                }
            }
        }
    }
}
