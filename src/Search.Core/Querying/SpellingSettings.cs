namespace Search.Core.Querying;

/// <summary>How <see cref="SpellingSuggester"/> weighs its evidence. The defaults were chosen on one
/// half of a public misspelling list and measured on the other (see docs/spelling.md).</summary>
/// <param name="EditPenalty">Score lost per edit, in natural-log units of article counts: a spelling
/// one edit further from what was typed must be found in e^EditPenalty times as many articles.</param>
/// <param name="SoundAlikeCredit">Edits forgiven to a spelling that sounds like what was typed
/// (same Soundex code: `blare` and `blair`, not `blame`).</param>
/// <param name="Candidates">Spellings kept per word for the whole-query choice.</param>
/// <param name="PrefixLength">Leading letters a respelling must keep (0: any letter may be wrong).</param>
public sealed record SpellingSettings(double EditPenalty, double SoundAlikeCredit, int Candidates, int PrefixLength)
{
    public static readonly SpellingSettings Default = new(EditPenalty: 6.0, SoundAlikeCredit: 0.5, Candidates: 4, PrefixLength: 1);
}
