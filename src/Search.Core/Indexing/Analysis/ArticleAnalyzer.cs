using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Search.Core.Indexing.Analysis;

/// <summary>What the full-text fields emit.</summary>
public enum TextMode
{
    /// <summary>Indexing: one term per word (<see cref="OneTermPerToken"/>), the body's stems recorded
    /// for the combined field (<see cref="BodyTokens"/>).</summary>
    Index,

    /// <summary>Stems only (keyword queries, the combined field).</summary>
    Stemmed,

    /// <summary>Quoted words and phrases: each word as the one term indexed for it.</summary>
    Exact,

    /// <summary>Each word's exact copy (<c>=word</c>) and its stem stacked on it, as the index once
    /// held them: snippets match a query's exact words and stems against both.</summary>
    Pairs,
}

/// <summary>
/// The one analyser of the project, per field: title and body get English analysis
/// (possessives, lower case, accent folding, stop words and stemming as <see cref="AnalysisSettings"/>
/// say) in the <see cref="TextMode"/> asked for; metadata fields are lower-cased words; keyword
/// fields (id, published date, path) are one verbatim term; facet fields one lower-cased term.
/// </summary>
public sealed class ArticleAnalyzer : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly AnalysisSettings _settings;
    private readonly TextMode _mode;
    private readonly Languages.LanguageChain? _language;

    /// <param name="language">The full-text chain of a language other than English; null: English.</param>
    public ArticleAnalyzer(AnalysisSettings settings, TextMode mode, Languages.LanguageChain? language = null) : base(PER_FIELD_REUSE_STRATEGY)
    {
        _settings = settings;
        _mode = mode;
        _language = language;
    }

    internal AnalysisSettings Settings => _settings;

    /// <summary>The language chain of title and body; null: English.</summary>
    internal Languages.LanguageChain? Language => _language;

    /// <summary>Full text reads subscript digits as digits, from letter rules 1 on (<see cref="SubscriptDigits"/>).</summary>
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        _settings.FoldsLetters && (fieldName == Schema.AllText || Array.IndexOf(Schema.TextFields, fieldName) >= 0) ? new SubscriptDigits(reader) : reader;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        if (Array.IndexOf(Schema.KeywordFields, fieldName) >= 0)
            return new TokenStreamComponents(new KeywordTokenizer(reader));
        if (fieldName.StartsWith(Schema.FacetPrefix, StringComparison.Ordinal))
        {
            // Facet values are indexed lower-cased whole (ArticleDocument.FacetKey); queries match that.
            var whole = new KeywordTokenizer(reader);
            return new TokenStreamComponents(whole, new LowerCaseFilter(Version, whole));
        }

        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = LowerCase(tokenizer, _settings);
        bool allText = fieldName == Schema.AllText;
        if (!allText && Array.IndexOf(Schema.TextFields, fieldName) < 0)
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(stream));

        // The combined field holds stemmed terms only, whatever the mode.
        var mode = allText ? TextMode.Stemmed : _mode;
        bool recordBody = mode == TextMode.Index && fieldName == Schema.Body;
        if (_language != null)
            return _language.Components(tokenizer, mode, _settings, recordBody);
        if (mode == TextMode.Index && _settings.Stemmer == "porter2")
        {
            // The writer's chain: the filters below and OneTermPerToken's collapsing in one.
            var stopWords = _settings.StopWords ? EnglishAnalyzer.DefaultStopSet : null;
            return new TokenStreamComponents(tokenizer, new EnglishIndexTerms(tokenizer, stopWords, new EnglishStemmer(), recordBody, _settings.FoldsLetters));
        }
        stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(LowerCase(stream, _settings));
        if (mode != TextMode.Stemmed)
            stream = new ExactTermFilter(stream);
        if (_settings.StopWords)
            stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = _settings.Stemmer switch
        {
            "porter" => new PorterStemFilter(stream),
            // Snowball's filter, like Porter's, leaves tokens marked as keywords (the exact terms) alone.
            "porter2" => new CachedStemFilter(stream, new EnglishStemmer()),
            "kstem" => new KStemFilter(stream),
            "minimal" => new EnglishMinimalStemFilter(stream),
            _ => stream,
        };
        return new TokenStreamComponents(tokenizer, Finish(stream, mode, recordBody));
    }

    /// <summary>Lower case as the index was built: İ as i from letter rules 1 on (<see cref="AnalysisSettings.Letters"/>).</summary>
    internal static TokenStream LowerCase(TokenStream input, AnalysisSettings settings) =>
        settings.FoldsLetters ? new InvariantLowerCase(input) : new LowerCaseFilter(Version, input);

    /// <summary>The end of every full-text chain: the body's stems recorded for the combined field,
    /// which replays them (<see cref="BodyTokens"/>), then one term per word where the index or an
    /// exact query wants it (<see cref="OneTermPerToken"/>).</summary>
    internal static TokenStream Finish(TokenStream stream, TextMode mode, bool recordBody)
    {
        if (recordBody)
            stream = new BodyTokens.Recorder(stream);
        return mode is TextMode.Index or TextMode.Exact ? new OneTermPerToken(stream) : stream;
    }
}
