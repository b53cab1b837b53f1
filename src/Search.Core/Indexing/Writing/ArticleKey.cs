namespace Search.Core.Indexing.Writing;

/// <summary>
/// The one id rule: an article is identified in the index by its file and its id together. Two
/// files that both number their rows 1, 2, 3 (or a JSON Lines record whose id equals a text file's
/// path id) keep all their articles; the shared id is reported as a collision, and `search show`
/// asks which file is meant. Re-runs never flip between them, because neither replaces the other.
/// </summary>
public static class ArticleKey
{
    /// <summary>Cannot occur in a path on any platform we run on, so keys never run together.</summary>
    private const char Separator = '\u001f';

    public static string Of(string fullPath, string id) => string.Concat(fullPath, Separator.ToString(), id);
}
