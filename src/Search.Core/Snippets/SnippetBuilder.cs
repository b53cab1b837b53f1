using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;
using Search.Core.Indexing;
using Search.Core.Querying;

namespace Search.Core.Snippets;

/// <summary>
/// Makes the body snippet and the highlighted title of a hit with Lucene's FastVectorHighlighter,
/// which reads the offsets stored in term vectors instead of re-analysing the text: fast, and it
/// highlights a matched phrase as one phrase. Matches are wrapped in <see cref="Highlight"/> markers.
/// </summary>
public sealed class SnippetBuilder
{
    public const int SnippetChars = 220;

    private static readonly string[] PreTags = { Highlight.Open.ToString() };
    private static readonly string[] PostTags = { Highlight.Close.ToString() };

    private readonly FastVectorHighlighter _highlighter = new(phraseHighlight: true, fieldMatch: true);
    private readonly IndexReader _reader;
    private readonly FieldQuery _fieldQuery;

    public SnippetBuilder(Query query, IndexReader reader)
    {
        _reader = reader;
        _fieldQuery = _highlighter.GetFieldQuery(query, reader);
    }

    /// <summary>The best passage of the body, or its beginning when the match is elsewhere.</summary>
    public string Body(int docId, string body)
    {
        string? fragment = _highlighter.GetBestFragment(_fieldQuery, _reader, docId, Schema.Body, SnippetChars,
            new SimpleFragListBuilder(), new ScoreOrderFragmentsBuilder(PreTags, PostTags), PreTags, PostTags, new DefaultEncoder());
        if (fragment != null)
        {
            fragment = Flatten(fragment);
            // Fragments start and end mid-sentence; say so, as every search engine does.
            return (body.StartsWith(Highlight.Strip(fragment)[..Math.Min(20, Highlight.Strip(fragment).Length)], StringComparison.Ordinal) ? "" : "…") + fragment + "…";
        }
        return Lead(body, SnippetChars);
    }

    /// <summary>The title with matched words marked (whole title, never cut).</summary>
    public string Title(int docId, string title)
    {
        string? fragment = _highlighter.GetBestFragment(_fieldQuery, _reader, docId, Schema.Title, 100,
            new SingleFragListBuilder(), new SimpleFragmentsBuilder(PreTags, PostTags), PreTags, PostTags, new DefaultEncoder());
        return fragment != null ? Flatten(fragment) : title;
    }

    /// <summary>The first <paramref name="max"/> characters of <paramref name="text"/>, cut at a word.</summary>
    public static string Lead(string text, int max)
    {
        string flat = Flatten(text);
        if (flat.Length <= max)
            return flat;
        int cut = flat.LastIndexOf(' ', max);
        return flat[..(cut > max / 2 ? cut : max)] + "…";
    }

    private static string Flatten(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
