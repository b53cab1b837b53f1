namespace Search.Core.Ingest;

/// <summary>
/// Every text field of an article as the index keeps it: control characters out
/// (<see cref="ControlCharacters"/>), letters composed and ligatures spelt out
/// (<see cref="ComposedLetters"/>). The first step of enrichment, before anything reads the words.
/// </summary>
public static class CleanFields
{
    /// <summary>Cleans every text field of <paramref name="article"/> that a reader filled, in place.</summary>
    public static void Apply(Article article)
    {
        article.Title = Clean(article.Title);
        article.Body = Clean(article.Body);
        article.Url = CleanOrNull(article.Url);
        article.Source = CleanOrNull(article.Source);
        article.Author = CleanOrNull(article.Author);
        article.Published = CleanOrNull(article.Published);
        article.Section = CleanOrNull(article.Section);
        article.Language = CleanOrNull(article.Language);
        article.AuthorUrl = CleanOrNull(article.AuthorUrl);
        CleanAll(article.Tags);
        CleanAll(article.Places);
        CleanAll(article.Links);
        CleanAll(article.LinkUrls);
        CleanAll(article.Related);
    }

    public static string Clean(string text) => ComposedLetters.Of(ControlCharacters.Strip(text));

    private static string? CleanOrNull(string? text) => text == null ? null : Clean(text);

    private static void CleanAll(List<string> values)
    {
        for (int i = 0; i < values.Count; i++)
            values[i] = Clean(values[i]);
    }
}
