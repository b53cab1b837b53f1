using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;

namespace Search.Core.Indexing.Analysis.Languages;

/// <summary>How lower case is made for a language (Turkish dotted/dotless i, Greek final sigma).</summary>
public enum Casing { Standard, Turkish, Greek }

/// <summary>
/// The full-text chain of one language other than English: its lower-casing, stop words and
/// stemmer (Analysis.Common), around the same exact-term handling as English (an exact copy of
/// every word at its position, collapsed with its stem into one term, <see cref="OneTermPerToken"/>).
/// Order: tokens (CJK scripts as overlapping bigrams) → lower case → letters → exact copy → stop words →
/// stemmer → accent folding → one term per word. Stop words and
/// stemmer see the word with its accents (the stemmers' rules need them: German umlauts, Turkish
/// suffixes); folding comes last, on the exact copy too, so `fur` finds `für` as `cafe` finds
/// `café` in English.
/// </summary>
/// <param name="Code">The ISO 639-1 code.</param>
/// <param name="Name">The English name of the language.</param>
/// <param name="Light">The light (inflection-only) stemmer; null when Analysis.Common has none.</param>
/// <param name="Snowball">The Snowball stemmer; null when Analysis.Common has none.</param>
/// <param name="Bigrams">CJK: Han, kana and Hangul runs become overlapping bigrams (one token per
/// character pair, as Lucene's CJKAnalyzer), not one token per run.</param>
/// <param name="StemsKeepStart">Whether the stemmers keep a word's beginning (they cut or rewrite
/// its end): then a stem's exact forms are looked for among the words beginning as it does
/// (<see cref="StemForms"/>). Arabic's takes prefixes off (al-, wa-).</param>
/// <param name="Letters">Letters the language writes two ways made one, after lower case and before
/// anything else (Russian ё as е; Persian's Arabic and Persian forms of yeh and kaf); from letter
/// rules 1 on (<see cref="AnalysisSettings.Letters"/>), so an index built before is read as built.</param>
public sealed record LanguageChain(
    string Code, string Name,
    Func<TokenStream, TokenStream>? Light, Func<TokenStream, TokenStream>? Snowball,
    Casing Casing = Casing.Standard, bool Elision = false, bool Bigrams = false, bool StemsKeepStart = true,
    Func<TokenStream, TokenStream>? Letters = null)
{
    /// <summary>The language's stop list (<see cref="Enrich.Languages.StopWordLists"/>, which language detection
    /// reads too); null when Analysis.Common has none.</summary>
    public CharArraySet? StopWords => Enrich.Languages.StopWordLists.Of(Code);

    /// <summary>The stemmer used for <paramref name="choice"/> (light or snowball), falling back
    /// to the other kind when the language has only one; null when it has none.</summary>
    public Func<TokenStream, TokenStream>? Stemmer(string choice) =>
        choice == LanguageStemming.Snowball ? Snowball ?? Light : Light ?? Snowball;

    /// <summary>What this language's analysis is, as recorded in the index and shown by `search stats`.</summary>
    public string Describe(AnalysisSettings settings)
    {
        string stem = Stemmer(settings.LanguageStemmer) == null ? "no stemmer"
            : Stemmer(settings.LanguageStemmer) == Snowball ? "snowball stemmer" : "light stemmer";
        string stop = settings.StopWords && StopWords != null ? "stop words" : "no stop words";
        return Bigrams ? $"bigrams, {stop}" : $"{stem}, {stop}";
    }

    /// <summary>The chain of a title or body field (or the combined field) in <paramref name="mode"/>.</summary>
    internal TokenStreamComponents Components(Tokenizer tokenizer, TextMode mode, AnalysisSettings settings, bool recordBody)
    {
        TokenStream stream = tokenizer;
        if (Bigrams)
            stream = new CJKWidthFilter(stream);
        stream = Casing switch
        {
            Casing.Standard => ArticleAnalyzer.LowerCase(stream, settings),
            _ => new LanguageLowerCase(stream, Casing),
        };
        if (Letters != null && settings.FoldsLetters)
            stream = Letters(stream);
        if (Elision)
            stream = new ElisionFilter(stream, Elisions);
        if (Bigrams)
            stream = new CJKBigramFilter(stream);
        if (mode != TextMode.Stemmed)
            stream = new ExactTermFilter(stream);
        if (settings.StopWords && StopWords != null)
            stream = new StopFilter(ArticleAnalyzer.Version, stream, StopWords);
        if (Stemmer(settings.LanguageStemmer) is { } stem)
            stream = stem(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, ArticleAnalyzer.Finish(stream, mode, recordBody));
    }

    /// <summary>French and Italian articles elided before a vowel: l'état, dell'anno.</summary>
    private static readonly CharArraySet Elisions = new(ArticleAnalyzer.Version,
        new[] { "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu", "dell", "dall", "nell", "sull", "all", "un", "gl" }, true);
}

/// <summary>Which stemmer languages other than English use: Lucene's light stemmers (inflections
/// only, per Savoy) or Snowball's (derivations too).</summary>
public static class LanguageStemming
{
    public const string Light = "light";
    public const string Snowball = "snowball";
    public static readonly string[] Choices = { Light, Snowball };
}
