namespace Search.Core.Indexing;

/// <summary>
/// The files an index already holds, read from its doc values: for each absolute path, the
/// file's <see cref="FileState"/> and how many articles came from it. Kept inside the index (not in
/// a side file) so it is always exactly as committed as the articles.
/// </summary>
public static class IndexState
{
    public sealed record Entry(FileState State, int Articles);

    public static Dictionary<string, Entry> Load(DirectoryReader reader)
    {
        var files = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var scratch = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var paths = segment.GetSortedDocValues(Schema.Path);
            var states = segment.GetBinaryDocValues(Schema.FileState);
            if (paths == null || states == null)
                continue;
            var live = segment.LiveDocs;
            var pathByOrd = new string?[paths.ValueCount];
            for (int doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live != null && !live.Get(doc))
                    continue;
                int ord = paths.GetOrd(doc);
                if (ord < 0)
                    continue;
                string path = pathByOrd[ord] ??= LookupOrd(paths, ord, scratch);
                if (files.TryGetValue(path, out var entry))
                    files[path] = entry with { Articles = entry.Articles + 1 };
                else
                {
                    states.Get(doc, scratch);
                    files[path] = new Entry(FileState.Parse(scratch.Utf8ToString()), 1);
                }
            }
        }
        return files;
    }

    private static string LookupOrd(SortedDocValues values, int ord, BytesRef scratch)
    {
        values.LookupOrd(ord, scratch);
        return scratch.Utf8ToString();
    }
}
