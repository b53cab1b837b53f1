namespace Search.Core.Indexing.Analysis;

/// <summary>The terms an analyser makes of a text.</summary>
public static class AnalyzedTerms
{
    /// <summary>The terms of <paramref name="text"/> analysed as <paramref name="field"/>, in order,
    /// repeats kept. Read whole before returning: an analyser reuses its stream per thread.</summary>
    public static List<string> Of(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
