using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Indexing.Analysis.Languages;

/// <summary>
/// Russian ё as е, after lower case: most Russian text writes е for it (the dots are optional), so
/// "Петр" finds "Пётр" and "начнется" "начнётся", and "ещё" is the stop word "еще".
/// </summary>
public sealed class RussianYo(TokenStream input) : TokenFilter(input)
{
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        _term.Buffer.AsSpan(0, _term.Length).Replace('\u0451', '\u0435');
        return true;
    }
}
