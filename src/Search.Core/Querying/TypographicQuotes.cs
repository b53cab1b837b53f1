using System.Buffers;

namespace Search.Core.Querying;

/// <summary>
/// Typographic double quotes in a query are the straight quote of the query syntax: “prime
/// minister”, „Bundestag“, «Le Monde» are phrases. Phones and word processors type curly quotes by
/// default (Safari on an iPhone, macOS text fields, a query pasted from a document), and the parser
/// knows only '"': the words were searched one by one. Each quote becomes '"' in place, so error
/// positions stay the user's; when they would leave a quote unclosed, none is changed (a stray
/// ” in a pasted word was ignored before and still is).
/// </summary>
public static class TypographicQuotes
{
    private static readonly SearchValues<char> Quotes = SearchValues.Create("\u201C\u201D\u201E\u201F\u00AB\u00BB\uFF02\u301D\u301E\u301F");

    public static string Straighten(string text)
    {
        var span = text.AsSpan();
        if (!span.ContainsAny(Quotes))
            return text;
        int quotes = span.Count('"');
        foreach (char c in span)
            if (Quotes.Contains(c))
                quotes++;
        if (quotes % 2 != 0)
            return text;
        return string.Create(text.Length, text, static (into, from) =>
        {
            for (int i = 0; i < from.Length; i++)
                into[i] = Quotes.Contains(from[i]) ? '"' : from[i];
        });
    }
}
