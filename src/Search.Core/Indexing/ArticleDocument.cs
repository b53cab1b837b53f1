using Search.Core.Ingest;

namespace Search.Core.Indexing;

/// <summary>Maps an <see cref="Article"/> to a Lucene document (and stored fields back).</summary>
public static class ArticleDocument
{
    /// <summary>Facet dimensions: each value is a keyword term (lower case, for filtering) and a
    /// sorted-set doc value (display label, for counting).</summary>
    public static readonly string[] FacetDimensions = { "source", "author", "section", "tags", "year", "month", "place", "links", "language" };

    /// <summary>The Lucene document of <paramref name="a"/>, read from the file at <paramref name="path"/>
    /// (whose state is <paramref name="state"/>); <paramref name="contentHash"/> is the record's
    /// <see cref="Writing.RecordHash"/>.</summary>
    /// <param name="duplicates">Add the fields duplicate clustering needs (see Duplicates/DuplicateFields).</param>
    public static Document Build(Article a, FileState state, string path, UInt128 contentHash, bool duplicates = true)
    {
        var doc = new Document
        {
            new KeywordField(Schema.Id, a.Id, Field.Store.YES),
            new KeywordField(Schema.Key, Indexing.Writing.ArticleKey.Of(path, a.Id), Field.Store.NO),
            new KeywordField(Schema.Path, path, Field.Store.YES),
            new SortedDocValuesField(Schema.Path, new BytesRef(path)),
            new BinaryDocValuesField(Schema.FileState, new BytesRef(state.ToString())),
            new BinaryDocValuesField(Schema.RecordState, Indexing.Writing.RecordState.Encode(contentHash, a.Id)),
            new StoredField(Schema.File, a.File),
        };
        doc.Add(new Field(Schema.Title, a.Title, Schema.Text));
        // The body is analysed once: the combined field replays its stemmed terms (BodyTokens).
        doc.Add(new Analysis.BodyTokens.RecordedField(Schema.Body, a.Body, Schema.Text));
        for (int i = 0; i < Schema.AllTextTitleRepeats; i++)
            doc.Add(new Field(Schema.AllText, a.Title, Schema.AllTextType));
        doc.Add(new Analysis.BodyTokens.ReplayedField(Schema.AllText, a.Body, Schema.AllTextType));
        doc.Add(new Field(Schema.File, a.File, Schema.MetadataText));
        if (a.Record is int record)
            doc.Add(new StoredField(Schema.Record, record));

        AddMeta(doc, Schema.Url, a.Url, facet: null);
        AddMeta(doc, Schema.Source, a.Source, "source", searchable: false);
        AddMeta(doc, Schema.Author, a.Author, "author");
        AddMeta(doc, Schema.Section, a.Section, "section", searchable: false);
        AddMeta(doc, Schema.AuthorUrl, a.AuthorUrl, facet: null, searchable: false);
        AddMeta(doc, Schema.Language, a.Language, "language", searchable: false);
        foreach (var t in a.Tags) AddMeta(doc, Schema.Tags, t, "tags");
        foreach (var p in a.Places) AddMeta(doc, Schema.Place, p, "place", searchable: false);
        foreach (var l in a.Links) AddMeta(doc, Schema.Links, l, "links", searchable: false);
        foreach (var r in a.Related) AddMeta(doc, Schema.Related, r, facet: null);
        foreach (var u in a.LinkUrls) AddMeta(doc, Schema.LinkUrls, u, facet: null, searchable: false);

        if (a.Published is { Length: 10 } date)
        {
            doc.Add(new KeywordField(Schema.Published, date, Field.Store.YES));
            AddFacet(doc, "year", date[..4]);
            AddFacet(doc, "month", date[..7]);
            // Absent for undated articles, so each sort order can put them last (SortField.MissingValue).
            doc.Add(new NumericDocValuesField(Schema.PublishedSort, long.Parse(date.Replace("-", ""), CultureInfo.InvariantCulture)));
        }
        if (duplicates)
            Writing.DuplicateFields.Add(doc, a);
        return doc;
    }

    /// <summary>Stores a metadata value; indexes it as words when <paramref name="searchable"/>, and
    /// as a facet value (which `field:value` queries of whole-value fields use) when <paramref name="facet"/> is set.</summary>
    private static void AddMeta(Document doc, string field, string? value, string? facet, bool searchable = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        doc.Add(new StoredField(field, value));
        if (searchable)
            doc.Add(new Field(field, value, Schema.MetadataText));
        if (facet != null)
            AddFacet(doc, facet, value);
    }

    private static void AddFacet(Document doc, string facet, string value)
    {
        doc.Add(new KeywordField(Schema.FacetPrefix + facet, FacetKey(value), Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(Schema.FacetPrefix + facet, new BytesRef(value)));
    }

    /// <summary>Filters match the displayed label case-insensitively.</summary>
    public static string FacetKey(string label) => label.Trim().ToLowerInvariant();

    /// <summary>Reads an article back from its stored fields.</summary>
    public static Article Load(Document doc)
    {
        var a = new Article
        {
            Id = doc.Get(Schema.Id) ?? "",
            Title = doc.Get(Schema.Title) ?? "",
            Body = doc.Get(Schema.Body) ?? "",
            Url = doc.Get(Schema.Url),
            Source = doc.Get(Schema.Source),
            Author = doc.Get(Schema.Author),
            Section = doc.Get(Schema.Section),
            Language = doc.Get(Schema.Language),
            Published = doc.Get(Schema.Published),
            AuthorUrl = doc.Get(Schema.AuthorUrl),
            File = doc.Get(Schema.File) ?? "",
            FullPath = doc.Get(Schema.Path),
            Tags = doc.GetValues(Schema.Tags).ToList(),
            Places = doc.GetValues(Schema.Place).ToList(),
            Links = doc.GetValues(Schema.Links).ToList(),
            LinkUrls = doc.GetValues(Schema.LinkUrls).ToList(),
            Related = doc.GetValues(Schema.Related).ToList(),
        };
        if (doc.GetField(Schema.Record)?.GetInt32Value() is int record)
            a.Record = record;
        return a;
    }
}
