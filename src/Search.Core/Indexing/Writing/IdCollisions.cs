namespace Search.Core.Indexing.Writing;

/// <summary>
/// Finds ids that articles of different files share. Under the one id rule they are all kept
/// (<see cref="ArticleKey"/>); the build reports them so a user knows `search show ID` will ask
/// which file is meant. One pass over the id terms: about half a second per million articles.
/// </summary>
public static class IdCollisions
{
    public static List<IdCollision> Find(DirectoryReader reader)
    {
        var found = new List<IdCollision>();
        var terms = MultiFields.GetTerms(reader, Schema.Id);
        if (terms == null)
            return found;
        var live = MultiFields.GetLiveDocs(reader);
        var fields = new HashSet<string> { Schema.File, Schema.Path };
        var e = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (e.MoveNext())
        {
            if (e.DocFreq <= 1)
                continue;
            docs = e.Docs(live, docs, DocsFlags.NONE);
            var files = new List<(string File, string Path)>();
            int doc;
            while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                var stored = reader.Document(doc, fields);
                files.Add((stored.Get(Schema.File) ?? "", stored.Get(Schema.Path) ?? ""));
            }
            if (files.Count > 1)
                found.Add(new IdCollision(e.Term.Utf8ToString(), Names(files).Order(StringComparer.Ordinal).ToList()));
        }
        return found;
    }

    /// <summary>How to name the files of articles that share an id, for `search show --file`: as
    /// the index names them (relative to their root), or, when two of them have one name (a.txt of
    /// two roots), by their paths.</summary>
    public static IEnumerable<string> Names(IReadOnlyList<(string File, string Path)> files)
    {
        bool sameNames = files.Select(f => f.File).Distinct(StringComparer.Ordinal).Count() < files.Count;
        return files.Select(f => sameNames ? f.Path : f.File);
    }
}
