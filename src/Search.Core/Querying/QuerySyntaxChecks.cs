using Lucene.Net.QueryParsers.Classic;

namespace Search.Core.Querying;

/// <summary>
/// Turns query syntax errors into one line that says what is wrong and where (1-based position),
/// instead of Lucene's parser-generator messages. The common mistakes are caught before parsing,
/// where their position is known exactly.
/// </summary>
public static partial class QuerySyntaxChecks
{
    public static void Check(string text)
    {
        int openQuote = -1;
        bool inRange = false; // `[2019 TO *]`: an open end, not a wildcard
        bool inRegex = false; // `/a~b/`: the automaton's operators, not fuzzy or boost
        var parens = new Stack<int>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '"')
            {
                openQuote = openQuote < 0 ? i : -1;
                continue;
            }
            if (openQuote >= 0)
                continue;
            if (c is '[' or '{')
                inRange = true;
            else if (c is ']' or '}')
                inRange = false;
            if (c == '/' && (inRegex || StartsWord(text, i)))
                inRegex = !inRegex;
            if (c is '~' or '^' && !inRange && !inRegex && !InUrl(text, i))
                CheckModifier(text, i);
            if ((c == '*' || c == '?') && !inRange && StartsWord(text, i) && !IsMatchAll(text, i))
                throw new QuerySyntaxException($"a word cannot start with '{c}' (position {i + 1}): put at least one letter before the wildcard", i + 1);
            if (c == '(')
                parens.Push(i);
            else if (c == ')')
            {
                if (parens.Count == 0)
                    throw new QuerySyntaxException($"unbalanced parenthesis: ')' at position {i + 1} closes nothing", i + 1);
                parens.Pop();
            }
        }
        if (openQuote >= 0)
            throw new QuerySyntaxException($"unbalanced quote: the '\"' at position {openQuote + 1} is never closed", openQuote + 1);
        if (parens.Count > 0)
        {
            int at = parens.Reverse().First() + 1;
            throw new QuerySyntaxException($"unbalanced parenthesis: '(' at position {at} is never closed", at);
        }
    }

    /// <summary>What follows a '~' or a '^' up to the end of its word: Lucene's lexer reads
    /// <c>russia~x</c> as <c>russia~</c> (the letters dropped) and <c>russia^2x</c> as
    /// <c>russia^2 x</c> (a word more, so nothing matches); both are typing mistakes, said here.</summary>
    private static void CheckModifier(string text, int i)
    {
        int end = i + 1;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && !NotInWord.Contains(text[end]))
            end++;
        // `russia~-1`: the parser's own message was "Minimum similarity for a FuzzyQuery has to be
        // between 0.0f and 1.0f !", without a position.
        if (end == i + 1 && text[i] == '~' && end + 1 < text.Length && text[end] == '-' && char.IsAsciiDigit(text[end + 1]))
        {
            end += 2;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
                end++;
        }
        string after = text[(i + 1)..end];
        if (after.Length == 0)
            return; // `russia~`, `russia^`: the parser's own messages say the rest
        bool number = Number().IsMatch(after);
        if (text[i] == '^' && !number)
            throw new QuerySyntaxException($"'^' needs a number after it, a boost like title:russia^2, not '{after}' (position {i + 1})", i + 1);
        if (text[i] == '~' && !number)
            throw new QuerySyntaxException($"'~' takes a number: a word's edits (kazakstan~1, kazakstan~2) or a phrase's distance in words (\"fsb operation\"~7), not '{after}' (position {i + 1})", i + 1);
        if (text[i] != '~' || (i > 0 && text[i - 1] == '"'))
            return;
        double edits = double.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        if (edits >= 1 && edits != Math.Floor(edits))
            throw new QuerySyntaxException($"a word's edits are a whole number (kazakstan~1, kazakstan~2), not '{after}' (position {i + 1})", i + 1);
        // `word~5` searches with the most edits there are (2), but past an int the parser's own
        // check failed: "Fractional edit distances are not allowed!", with no position.
        if (edits > int.MaxValue)
            throw new QuerySyntaxException($"a word's edits are at most 2 (kazakstan~1, kazakstan~2), not '{after}' (position {i + 1})", i + 1);
    }

    /// <summary>Characters that end a word in Lucene's query syntax.</summary>
    private const string NotInWord = "+-!():^[]\"{}~*?\\/";

    /// <summary>Whether position <paramref name="i"/> is inside a pasted URL (`https://…/~user`),
    /// which <see cref="TypedLiterals"/> quotes as written.</summary>
    private static bool InUrl(string text, int i)
    {
        int start = i;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            start--;
        int end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
            end++;
        return text.AsSpan(start, end - start).Contains("://", StringComparison.Ordinal);
    }

    /// <summary>Whether position <paramref name="i"/> starts a word: after white space, an
    /// operator or a field's ':' (where '*' is a leading wildcard and '/' opens a regular expression).</summary>
    internal static bool StartsWord(string text, int i) =>
        i == 0 || char.IsWhiteSpace(text[i - 1]) || "(:+-!".Contains(text[i - 1]);

    /// <summary>`*:*`, Lucene's match-all, may appear inside a larger query.</summary>
    private static bool IsMatchAll(string text, int i) =>
        string.CompareOrdinal(text, i, "*:*", 0, 3) == 0 || (i >= 2 && string.CompareOrdinal(text, i - 2, "*:*", 0, 3) == 0);

    /// <summary>Explains a <see cref="ParseException"/> that got past <see cref="Check"/>.</summary>
    public static QuerySyntaxException Explain(string text, ParseException e)
    {
        // Lucene's message would quote the whole (long) query.
        if (e.InnerException is Lucene.Net.Search.BooleanQuery.TooManyClausesException)
            return new QuerySyntaxException($"the query has too many words or terms (more than {Lucene.Net.Search.BooleanQuery.MaxClauseCount:N0} in one group); shorten it", 0, e);
        // QueryParserBase wraps the grammar's exception (which has the tokens) in its own.
        var inner = e.InnerException as ParseException ?? e;
        var current = inner.CurrentToken;
        if (current == null)
        {
            var lexical = LexicalColumn().Match(inner.Message);
            if (lexical.Success)
                return Lexical(text, int.Parse(lexical.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), e);
            // `\united`: Lucene reads '\u' as a Unicode escape and says "Non-hex character in
            // Unicode escape sequence: n", without a position.
            int escape = text.IndexOf("\\u", StringComparison.Ordinal);
            if (escape >= 0 && inner.Message.Contains("nicode escape", StringComparison.Ordinal))
                return new QuerySyntaxException($"'\\u' starts a Unicode escape, four hex digits like \\u00e9 (position {escape + 1}); write '\\\\' for a backslash", escape + 1, e);
            // Our own messages (unknown field, bad date) carry no position: find the culprit.
            var quoted = Quoted().Match(inner.Message);
            int pos = quoted.Success ? text.IndexOf(quoted.Groups[1].Value, StringComparison.Ordinal) + 1 : 0;
            return new QuerySyntaxException(pos > 0 ? $"{inner.Message} (position {pos})" : inner.Message, pos, e);
        }
        var next = current.Next;
        if (next == null || next.Kind == 0) // the input ended while something was still expected
        {
            string last = current.Image ?? "";
            int end = text.TrimEnd().Length;
            string? what = last switch
            {
                "AND" or "OR" or "&&" or "||" or "NOT" or "!" or "+" or "-" => $"'{last}' at the end needs a word or phrase after it",
                ":" => "a field name at the end needs a value after the ':'",
                "^" => "'^' at the end needs a number (a boost like title:russia^2)",
                "TO" or "[" or "{" => "the range is not finished: write it as field:[FROM TO UNTIL]",
                _ => null,
            };
            if (what != null)
                return new QuerySyntaxException($"{what} (position {end})", end, e);
            int open = UnclosedRange(text); // `date:[2019 TO 2020` said "the query ends too early"
            return open >= 0
                ? new QuerySyntaxException($"the range is never closed: write it as field:[FROM TO UNTIL] (position {open + 1})", open + 1, e)
                : new QuerySyntaxException($"the query ends too early (position {end})", end, e);
        }
        int position = next.BeginColumn + 1;
        string image = next.Image;
        string message = image switch
        {
            "AND" or "OR" or "&&" or "||" => $"'{image}' needs a word or phrase on both sides",
            "NOT" or "!" => $"'{image}' needs a word or phrase after it",
            ")" => "')' with nothing inside the parentheses",
            ":" => "':' needs a field name before it",
            "^" => "'^' needs a word before it",
            "TO" => "'TO' belongs inside a range like published:[2019 TO 2020]",
            _ => $"unexpected '{image}'",
        };
        return new QuerySyntaxException($"{message} (position {position})", position, e);
    }

    /// <summary>The lexer stops at a boost without a number (<c>russia^high</c>) or a backslash
    /// with nothing after it; <paramref name="column"/> is where it stopped (1-based).</summary>
    private static QuerySyntaxException Lexical(string text, int column, ParseException e)
    {
        int caret = Math.Clamp(column - 1, 0, text.Length) - 1; // the character before the stop
        if (caret >= 0 && text[caret] == '^')
            return new QuerySyntaxException($"'^' needs a number after it, a boost like title:russia^2 (position {caret + 1})", caret + 1, e);
        string trimmed = text.TrimEnd();
        if (trimmed.EndsWith('\\'))
            return new QuerySyntaxException($"a '\\' at the end needs a character after it: write '\\\\' for a backslash (position {trimmed.Length})", trimmed.Length, e);
        int at = Math.Min(text.Length, column);
        // The lexer's two other stops, which said only "the query cannot be read".
        if (at >= 1 && text[at - 1] is ']' or '}')
            return new QuerySyntaxException($"'{text[at - 1]}' at position {at} closes no range: a range is field:[FROM TO UNTIL]", at, e);
        int slash = RegexStart(text);
        if (slash >= 0 && text.IndexOf('/', slash + 1) < 0)
            return new QuerySyntaxException($"the '/' at position {slash + 1} starts a regular expression that is never closed (/vacc.*/); for a slash in a word, quote it (\"and/or\")", slash + 1, e);
        return new QuerySyntaxException($"the query cannot be read at position {at}", at, e);
    }

    /// <summary>Explains a pattern the parser took but the automaton library refused: a bad
    /// regular expression (<c>/[a-/</c>) is the one such input; its position is its opening slash.</summary>
    public static QuerySyntaxException Explain(string text, ArgumentException e)
    {
        string reason = Indexing.IndexStore.FirstLine(e.Message);
        int slash = RegexStart(text);
        if (slash < 0)
            return new QuerySyntaxException($"invalid query: {reason}", 0, e);
        int end = text.IndexOf('/', slash + 1);
        string pattern = end < 0 ? text[slash..] : text[slash..(end + 1)];
        return new QuerySyntaxException($"invalid regular expression {pattern}: {reason} (position {slash + 1})", slash + 1, e);
    }

    /// <summary>Where a range opened outside quotes (`[`, `{`) that nothing closes starts; -1 when none.</summary>
    private static int UnclosedRange(string text)
    {
        int open = -1;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c is '[' or '{' && open < 0)
                open = i;
            else if (!quoted && c is ']' or '}')
                open = -1;
        }
        return open;
    }

    /// <summary>Where the first regular expression starts: a '/' outside quotes that begins a word.</summary>
    private static int RegexStart(string text)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (c == '/' && !quoted && StartsWord(text, i)) return i;
        }
        return -1;
    }

    [GeneratedRegex(@"Lexical error at line \d+, column (\d+)")]
    private static partial Regex LexicalColumn();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Number();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
