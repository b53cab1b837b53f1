namespace Search.Core.Indexing.Analysis.Languages;

/// <summary>
/// Lower case by Turkish or Greek rules, as Lucene's TurkishLowerCaseFilter and GreekLowerCaseFilter
/// make it, without their cultures: those two ask for the culture "tr" or "el" on their first word,
/// which a process with invariant globalization (this one: Directory.Build.props) does not have,
/// so every Turkish or Greek article failed. Turkish: I is ı, İ (or I with a combining dot above)
/// is i. Greek: final ς is σ and accented vowels lose their accent (tonos, dialytika), as the Greek
/// stop list and stemmer expect. Every other letter is lowered as everywhere.
/// </summary>
public sealed class LanguageLowerCase : TokenFilter
{
    private const char CombiningDotAbove = '\u0307';

    private readonly ICharTermAttribute _term;
    private readonly Func<char, char> _lower;
    private readonly bool _turkish;

    public LanguageLowerCase(TokenStream input, Casing casing) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _turkish = casing == Casing.Turkish;
        _lower = _turkish ? Turkish : Greek;
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        char[] buffer = _term.Buffer;
        int length = _term.Length;
        for (int i = 0; i < length; i++)
        {
            if (_turkish && buffer[i] == 'I' && i + 1 < length && buffer[i + 1] == CombiningDotAbove)
            {
                Array.Copy(buffer, i + 2, buffer, i + 1, length - i - 2);
                length--;
                buffer[i] = 'i';
            }
            else
                buffer[i] = _lower(buffer[i]);
        }
        _term.Length = length;
        return true;
    }

    private static char Turkish(char c) => c switch
    {
        'I' => '\u0131',
        '\u0130' => 'i',
        _ => char.ToLowerInvariant(c),
    };

    private static char Greek(char c) => c switch
    {
        '\u03C2' => '\u03C3',
        '\u0386' or '\u03AC' => '\u03B1',
        '\u0388' or '\u03AD' => '\u03B5',
        '\u0389' or '\u03AE' => '\u03B7',
        '\u038A' or '\u03AA' or '\u03AF' or '\u03CA' or '\u0390' => '\u03B9',
        '\u038E' or '\u03AB' or '\u03CD' or '\u03CB' or '\u03B0' => '\u03C5',
        '\u038C' or '\u03CC' => '\u03BF',
        '\u038F' or '\u03CE' => '\u03C9',
        _ => char.ToLowerInvariant(c),
    };
}
