using Lucene.Net.QueryParsers.Classic;

namespace Search.Core.Querying;

/// <summary>Queries of plain clauses parsed without the classic parser (see <see cref="PlainWords"/>).</summary>
public sealed partial class ArticleQueryParser
{
    /// <summary>Most clauses <see cref="PlainWords"/> takes (far below the clause limit, whose error
    /// the classic parser words as a syntax error).</summary>
    private const int MaxPlainClauses = 32;

    /// <summary>One clause of a query of plain words: a word, a word with a final <c>*</c>, or words in quotes.</summary>
    private readonly record struct PlainClause(string Text, bool Prefix, bool Quoted, bool Not);

    /// <summary>
    /// What <see cref="QueryParserBase.Parse"/> makes of a query of plain clauses only: words of
    /// ASCII letters and digits, such a word with a final <c>*</c> (a prefix), such words in quotes
    /// (a phrase), each maybe after <c>NOT</c> or <c>-</c>, separated by spaces. Built as the
    /// classic grammar builds it: a word through <see cref="GetFieldQuery(string, string, bool)"/>,
    /// a prefix through <see cref="GetPrefixQuery"/>, a phrase through
    /// <see cref="GetFieldQuery(string, string, int)"/> at the parser's phrase slop, all on the
    /// default fields, each added with no conjunction and its modifier, the first alone when it is the
    /// only clause and has no modifier. Null for anything else (AND, OR, fields, other patterns,
    /// escapes, other characters), which the classic parser reads.
    ///
    /// Why: the classic parser's character stream says the text has ended by throwing an exception,
    /// which its token manager catches, twice per parse; with the parser's own set-up that was 5 % of
    /// a one-word query. <c>PlainWordsTests</c> compares both ways.
    /// </summary>
    internal Query? PlainWords(string text)
    {
        var clauses = PlainClauses(text);
        if (clauses == null)
            return null;
        var added = new List<BooleanClause>(clauses.Count);
        Query? first = null;
        for (int i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            var query = c.Quoted ? GetFieldQuery(null!, c.Text, PhraseSlop)
                : c.Prefix ? GetPrefixQuery(null!, c.Text)
                : GetFieldQuery(null!, c.Text, quoted: false);
            AddClause(added, CONJ_NONE, c.Not ? MOD_NOT : MOD_NONE, query);
            if (i == 0 && !c.Not)
                first = query;
        }
        return (added.Count == 1 && first != null ? first : GetBooleanQuery(added)) ?? NewBooleanQuery(false);
    }

    /// <summary>The clauses of a query of plain clauses (see <see cref="PlainWords"/>); null for any other query.</summary>
    private static List<PlainClause>? PlainClauses(string text)
    {
        var clauses = new List<PlainClause>();
        bool not = false;
        int i = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
                i++;
            if (i == text.Length)
                break;
            if (clauses.Count == MaxPlainClauses)
                return null;
            int start = i;
            if (text[i] == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close < 0 || close == i + 1 || (close + 1 < text.Length && text[close + 1] != ' '))
                    return null;
                string inner = text[(i + 1)..close];
                if (!inner.All(ch => ch == ' ' || char.IsAsciiLetterOrDigit(ch)))
                    return null;
                clauses.Add(new PlainClause(inner, Prefix: false, Quoted: true, not));
                not = false;
                i = close + 1;
                continue;
            }
            bool minus = text[i] == '-';
            if (minus)
                start = ++i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                i++;
            bool prefix = i < text.Length && text[i] == '*';
            string word = text[start..i];
            if (prefix)
                i++;
            if (word.Length == 0 || (i < text.Length && text[i] != ' ') || (minus && not))
                return null;
            if (!minus && !prefix && word == "NOT")
            {
                if (not)
                    return null;
                not = true;
                continue;
            }
            if (word is "AND" or "OR" or "NOT" || (minus && not))
                return null;
            clauses.Add(new PlainClause(word, prefix, Quoted: false, not || minus));
            not = false;
        }
        return clauses.Count == 0 || not ? null : clauses;
    }
}
