namespace Search.Core.Indexing.Analysis.Languages;

/// <summary>
/// The ten Russian neuter nouns in -мя (время, имя, знамя, племя, пламя, семя, стремя, темя,
/// бремя, вымя) grow a stem -мен- in every other case (времени, временем, времена, времён): a
/// suffix stemmer cannot join время to времени. This closed class is put back to its -мя form
/// before the stemmer, which then stems every form alike. (время is the most frequent noun of the
/// Russian set.) The exact copies are left as written (<see cref="StemmedTermFilter"/>).
/// </summary>
public sealed partial class RussianMyaNouns(TokenStream input) : StemmedTermFilter(input)
{
    protected override void OnStemmedTerm(ICharTermAttribute term)
    {
        if (term.Length < 3 || term.Length > 10)
            return;
        var match = Forms().Match(term.ToString());
        if (match.Success)
        {
            string root = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            term.SetEmpty().Append(root).Append("мя");
        }
    }

    // The bare plural genitive (времён, имён) only for the roots where it is no common other word.
    [GeneratedRegex("^(?:(вре|и|зна|пле|пла|се|стре|те|бре|вы)(?:мя|мени|менем|мена|менам|менами|менах)|(вре|и|зна|пле)(?:мён|мен))$")]
    private static partial Regex Forms();
}
