using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Indexing.Analysis.Languages;

/// <summary>
/// The ten Russian neuter nouns in -мя (время, имя, знамя, племя, пламя, семя, стремя, темя,
/// бремя, вымя) grow a stem -мен- in every other case (времени, временем, времена, времён): a
/// suffix stemmer cannot join время to времени. This closed class is put back to its -мя form
/// before the stemmer, which then stems every form alike. (время is the most frequent noun of the
/// Russian set.) Not marked as a keyword: keywords are the exact copies, which the combined
/// field leaves out (<see cref="BodyTokens.Recorder"/>).
/// </summary>
public sealed partial class RussianMyaNouns : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public RussianMyaNouns(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (_keyword.IsKeyword || _term.Length < 3 || _term.Length > 10)
            return true;
        var match = Forms().Match(_term.ToString());
        if (match.Success)
        {
            string root = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            _term.SetEmpty().Append(root).Append("мя");
        }
        return true;
    }

    // The bare plural genitive (времён, имён) only for the roots where it is no common other word.
    [GeneratedRegex("^(?:(вре|и|зна|пле|пла|се|стре|те|бре|вы)(?:мя|мени|менем|мена|менам|менами|менах)|(вре|и|зна|пле)(?:мён|мен))$")]
    private static partial Regex Forms();
}
