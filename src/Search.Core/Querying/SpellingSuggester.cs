using Lucene.Net.Analysis.Miscellaneous;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// "Did you mean": respells the words of a query to the spelling that best fits the index, using
/// Lucene's FuzzyTermsEnum over the words as written (unstemmed, accent-folded) in title and body, so
/// suggestions are real words as written (`kazakstan` → `kazakhstan`). Each word's spellings (the
/// word itself when the index has it, and the closest known words up to two edits away) are scored
/// by how common they are less a penalty per edit; the query's respelling is then chosen as a whole,
/// adding how many articles hold all its words together, so context decides between close
/// spellings (`vladmir putin` → *vladimir putin*, not *vladimir putting*). Operators, field names,
/// ranges, phrases' quotes, wildcards and regular expressions are left as typed; capitalisation is kept.
/// </summary>
public static class SpellingSuggester
{
    /// <summary>Longer words are not respelled.</summary>
    public const int MaxWordLength = 40;

    /// <summary>Partial respellings kept while choosing the whole query's.</summary>
    private const int Beam = 8;

    /// <summary>One spelling of a word: its text, edits from what was typed (less the credit for
    /// sounding alike), articles having it, and whether it is the word as typed.</summary>
    private sealed record Spelling(string Text, double Edits, int Freq, bool Typed = false);

    public static string? Suggest(IndexReader reader, string query, SpellingSettings? settings = null)
    {
        settings ??= SpellingSettings.Default;
        var words = new List<(Match Match, List<Spelling> Spellings)>();
        foreach (Match m in RespellableWords.In(query))
            words.Add((m, Spellings(reader, Fold(m.Value), settings)));
        if (words.Count == 0 || words.All(w => w.Spellings.Count == 0 || (w.Spellings.Count == 1 && w.Spellings[0].Typed)))
            return null;

        var best = Choose(reader, words.Select(w => w.Spellings).ToList(), settings);
        var result = new StringBuilder(query.Length);
        int last = 0;
        bool changed = false;
        for (int i = 0; i < words.Count; i++)
        {
            var (m, _) = words[i];
            if (best[i] is not { Typed: false } spelling)
                continue;
            result.Append(query, last, m.Index - last).Append(LikeTyped(m.Value, spelling.Text));
            last = m.Index + m.Length;
            changed = true;
        }
        if (!changed)
            return null;
        result.Append(query, last, query.Length - last);
        return result.ToString();
    }

    /// <summary>The best respelling of one word alone (for measuring against misspelling lists).</summary>
    public static string? SuggestWord(IndexReader reader, string word, SpellingSettings? settings = null) =>
        Suggest(reader, word, settings) is { } s ? s.ToLowerInvariant() : null;

    /// <summary>
    /// Picks a spelling per word, left to right, keeping the <see cref="Beam"/> best partial
    /// choices. A choice scores log(1 + articles that hold all its chosen words) less
    /// <see cref="SpellingSettings.EditPenalty"/> per edit: a noisy channel where how likely a word
    /// is in its context is the articles holding it with the others. Words with no known spelling
    /// take no part.
    /// </summary>
    private static Spelling?[] Choose(IndexReader reader, List<List<Spelling>> spellings, SpellingSettings settings)
    {
        // Words with one spelling are fixed: they are context for the others, not choices. Only
        // the words with several spellings are chosen between (a query of known words costs no
        // counting at all).
        var fixedChoice = spellings.Select(s => s.Count == 1 ? s[0] : null).ToArray();
        var open = Enumerable.Range(0, spellings.Count).Where(i => spellings[i].Count > 1).ToList();
        if (open.Count == 0)
            return fixedChoice;
        var searcher = new IndexSearcher(reader);
        var beam = new List<(Spelling?[] Choice, double Score)> { (fixedChoice, 0) };
        foreach (int i in open)
        {
            var next = new List<(Spelling?[] Choice, double Score)>();
            foreach (var (choice, _) in beam)
                foreach (var s in spellings[i])
                {
                    var extended = (Spelling?[])choice.Clone();
                    extended[i] = s;
                    next.Add((extended, Score(searcher, extended, settings)));
                }
            beam = next.OrderByDescending(c => c.Score).Take(Beam).ToList();
        }
        return beam[0].Choice;
    }

    private static double Score(IndexSearcher searcher, Spelling?[] choice, SpellingSettings settings)
    {
        var chosen = choice.Where(s => s != null).Select(s => s!).ToList();
        int together = chosen.Count == 1 ? chosen[0].Freq : CountTogether(searcher, chosen.Select(s => s.Text).Distinct());
        return Math.Log(1 + together) - settings.EditPenalty * chosen.Sum(s => s.Edits);
    }

    /// <summary>Articles whose title or body holds every one of <paramref name="words"/> as written.</summary>
    private static int CountTogether(IndexSearcher searcher, IEnumerable<string> words)
    {
        var all = new BooleanQuery();
        foreach (string word in words)
        {
            var any = new BooleanQuery();
            foreach (string field in Schema.TextFields)
                foreach (string marker in AsWritten)
                    any.Add(new TermQuery(new Term(field, marker + word)), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        var count = new TotalHitCountCollector();
        searcher.Search(all, count);
        return count.TotalHits;
    }

    /// <summary>The word itself when the index has it, and the best-scoring known words up to two
    /// edits away (one for words of up to four letters); empty when nothing is known.</summary>
    private static List<Spelling> Spellings(IndexReader reader, string word, SpellingSettings settings)
    {
        // Lucene builds a Levenshtein automaton the size of the word: a 30,000-letter "word" (a
        // pasted blob) took 20 s. No real word is longer than MaxWordLength.
        if (word.Length > MaxWordLength || word.Any(char.IsDigit))
            return new();
        int own = DocFreq(reader, word);
        var found = new Dictionary<string, Spelling>(StringComparer.Ordinal);
        if (own > 0)
            found[word] = new Spelling(word, 0, own, Typed: true);
        if (word.Length >= 3)
        {
            // A word the index has is only respelled to a neighbour one edit away (two-edit
            // automata are what a suggestion costs; a query of known words pays for none).
            int maxEdits = word.Length <= 4 || own > 0 ? 1 : 2;
            foreach (string field in Schema.TextFields)
            {
                var terms = MultiFields.GetTerms(reader, field);
                if (terms == null)
                    continue;
                foreach (string marker in AsWritten)
                {
                    var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, marker + word),
                        maxEdits, prefixLength: settings.PrefixLength + marker.Length, transpositions: true); // the marker, if any, must be there
                    while (fuzzy.MoveNext())
                    {
                        string text = fuzzy.Term.Utf8ToString();
                        if (text.Length < marker.Length + 2 || (text[0] == Schema.ExactMarker) != (marker.Length > 0))
                            continue;
                        string candidate = text[marker.Length..];
                        if (found.ContainsKey(candidate))
                            continue;
                        if (IsStopWord(candidate))
                            continue; // `blare` is not `are`: a query drops stop words anyway
                        double edits = WordDistance.Edits(word, candidate);
                        if (WordDistance.Soundex(candidate) == WordDistance.Soundex(word))
                            edits = Math.Max(0, edits - settings.SoundAlikeCredit);
                        found[candidate] = new Spelling(candidate, edits, DocFreq(reader, candidate));
                    }
                }
            }
        }
        // A word the index has keeps only the spellings that would win over it alone; the rest
        // could only win through context, and `putin` should not become `putting` because of it.
        double Alone(Spelling s) => Math.Log(s.Freq) - settings.EditPenalty * s.Edits;
        double typed = own > 0 ? Alone(found[word]) : double.NegativeInfinity;
        return found.Values
            .Where(s => s.Typed || Alone(s) > typed)
            .OrderByDescending(Alone)
            .ThenBy(s => s.Text, StringComparer.Ordinal)
            .Take(settings.Candidates)
            .ToList();
    }

    private static bool IsStopWord(string word) =>
        Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet.Contains(word);

    /// <summary>How a word as written is indexed (<see cref="Indexing.Analysis.OneTermPerToken"/>): as
    /// its exact form <c>=word</c> when its stem differs (or it is a stop word), bare when the word
    /// is its own stem. A word is one or the other, so the two are summed.</summary>
    private static readonly string[] AsWritten = [Schema.ExactMarker.ToString(), ""];

    private static int DocFreq(IndexReader reader, string word)
    {
        int n = 0;
        foreach (string field in Schema.TextFields)
            foreach (string marker in AsWritten)
                n += reader.DocFreq(new Term(field, marker + word));
        return n;
    }

    /// <summary>Lower case without accents, as the index's exact terms are (`Zürich` → `zurich`).</summary>
    private static string Fold(string word)
    {
        string lower = word.ToLowerInvariant();
        char[] output = new char[lower.Length * 4];
        int n = ASCIIFoldingFilter.FoldToASCII(lower.ToCharArray(), 0, output, 0, lower.Length);
        return new string(output, 0, n);
    }

    /// <summary>The respelling in the case the word was typed in: `Vladmir` → `Vladimir`, `NATO` stays upper.</summary>
    private static string LikeTyped(string typed, string respelled)
    {
        if (typed.Length > 1 && typed.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            return respelled.ToUpperInvariant();
        if (char.IsUpper(typed[0]))
            return char.ToUpperInvariant(respelled[0]) + respelled[1..];
        return respelled;
    }
}
