using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Search.Core.Indexing.Analysis;

/// <summary>
/// Lucene's LowerCaseFilter, with the capital dotted I (İ, U+0130) lowered to i. .NET's invariant
/// casing (this process has no other: Directory.Build.props) leaves İ as it is, where Java's, and
/// so Lucene's, lowers it to i; ASCII folding then made "İstanbul" the term "Istanbul", with a
/// capital that no typed query has, so "istanbul" did not find it. Turkish articles have their own
/// casing (<see cref="Languages.LanguageLowerCase"/>); this is every other chain's.
/// </summary>
public sealed class InvariantLowerCase : TokenFilter
{
    public const char DottedCapitalI = '\u0130';

    private readonly ICharTermAttribute _term;
    private readonly CharacterUtils _casing = CharacterUtils.GetInstance(ArticleAnalyzer.Version);

    public InvariantLowerCase(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        Lower(_casing, _term.Buffer, _term.Length);
        return true;
    }

    /// <summary>Lowers <paramref name="length"/> characters of <paramref name="buffer"/> in place.</summary>
    internal static void Lower(CharacterUtils casing, char[] buffer, int length)
    {
        buffer.AsSpan(0, length).Replace(DottedCapitalI, 'i');
        casing.ToLower(buffer, 0, length);
    }
}
