namespace Search.Core.Ingest.Pdf;

/// <summary>
/// Keeps the article's paragraphs and drops the page furniture a printed web page carries (menus,
/// share buttons, "related" teasers, footers), after jusText's idea: a paragraph of at least
/// <see cref="GoodWords"/> words that reads as prose is good; one under <see cref="ShortWords"/>
/// words is short; short and in-between paragraphs are kept only when the nearest decided
/// paragraphs on both sides are good (subheadings and short paragraphs inside the article stay,
/// menus between the masthead and the headline go).
/// </summary>
public static class Boilerplate
{
    public const int GoodWords = 12;
    public const int ShortWords = 6;

    private enum Kind { Good, Bad, Short, Near }

    public static List<string> Keep(IReadOnlyList<string> paragraphs)
    {
        var kinds = paragraphs.Select(Classify).ToArray();
        var kept = new List<string>();
        for (int i = 0; i < paragraphs.Count; i++)
        {
            bool keep = kinds[i] switch
            {
                Kind.Good => true,
                Kind.Bad => false,
                _ => Neighbour(kinds, i, -1) == Kind.Good && Neighbour(kinds, i, +1) == Kind.Good,
            };
            if (keep)
                kept.Add(paragraphs[i]);
        }
        return kept;
    }

    private static Kind Neighbour(Kind[] kinds, int i, int step)
    {
        for (int j = i + step; j >= 0 && j < kinds.Length; j += step)
            if (kinds[j] is Kind.Good or Kind.Bad)
                return kinds[j];
        return Kind.Bad;
    }

    private static Kind Classify(string paragraph)
    {
        string[] words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int letters = paragraph.Count(char.IsLetter);
        if (words.Length == 0 || letters * 2 < paragraph.Length)
            return Kind.Bad;
        if (words.Length < ShortWords)
            return Kind.Short;
        bool prose = paragraph.IndexOfAny(['.', '!', '?', ',', ';', '。', '،']) >= 0;
        if (words.Length >= GoodWords && prose)
            return Kind.Good;
        return Kind.Near;
    }
}
