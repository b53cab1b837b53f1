using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Core.Duplicates;

/// <summary>
/// Gives articles added since the last commit their duplicate-cluster keys, and keeps clusters
/// right when members were deleted or changed. Called by the build right before each commit, while
/// no article is being added (the commit gate is closed): it reads the writer's uncommitted state
/// through a near-real-time reader and sets keys with <see cref="IndexWriter.UpdateNumericDocValue"/>,
/// so the keys land in the same atomic commit as the articles.
///
/// New article: candidates are the live articles sharing one of its LSH band keys, each verified by
/// <see cref="NearDuplicateRule"/>; it joins the cluster of what it copies (clusters it links are
/// merged: the larger keeps its key), or starts its own under its own key. Keys are stable: a
/// cluster keeps its key as copies join or leave.
///
/// Deleted or changed article: every cluster that has fewer members than at the last commit is
/// checked again pair by pair; if it fell apart (the article that linked two groups is gone), the
/// largest part keeps the key and the others get new ones.
/// </summary>
public static class DuplicateClusterer
{
    /// <summary>The key of an article not clustered yet.</summary>
    public const long Unassigned = 0;

    /// <summary>Band keys shared by more articles than this are skipped as candidate sources:
    /// boilerplate every article of one outlet carries, not evidence of a copy.</summary>
    private const int MaxPostings = 1_000;

    /// <summary>Clusters larger than this are not re-split after a deletion (pairwise checks grow
    /// with the square); they keep their key.</summary>
    private const int MaxRecheck = 300;

    private static readonly ISet<string> IdField = new HashSet<string> { Schema.Id };

    /// <summary>What one pass did.</summary>
    public sealed record Report(int Clustered, int Joined, int Rechecked, int Moved, TimeSpan Took);

    /// <summary>Clusters the writer's uncommitted articles; call right before <c>Commit()</c>.</summary>
    public static Report BeforeCommit(IndexWriter writer)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        var pass = new Pass(writer, reader);
        int rechecked = pass.RecheckShrunk(CommittedKeys(writer.Directory));
        var (clustered, joined) = pass.AssignNew();
        return new Report(clustered, joined, rechecked, pass.Moved, clock.Elapsed);
    }

    /// <summary>Cluster keys of the live articles of the last commit, sorted; empty when there is none.</summary>
    private static long[] CommittedKeys(Lucene.Net.Store.Directory dir)
    {
        if (!DirectoryReader.IndexExists(dir))
            return Array.Empty<long>();
        try
        {
            using var committed = DirectoryReader.Open(dir);
            var keys = LiveKeys(committed, out _);
            Array.Sort(keys);
            return keys;
        }
        catch (Exception e) when (e is IOException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            return Array.Empty<long>(); // an old or unreadable commit (a rebuild replaces it): nothing to compare with
        }
    }

    /// <summary>The cluster key of every live article (dense: position i is the i-th live doc), and
    /// their doc numbers.</summary>
    private static long[] LiveKeys(IndexReader reader, out int[] docs)
    {
        var values = MultiDocValues.GetNumericValues(reader, Schema.Cluster);
        var live = MultiFields.GetLiveDocs(reader);
        var keys = new List<long>(reader.NumDocs);
        var ids = new List<int>(reader.NumDocs);
        for (int d = 0; d < reader.MaxDoc; d++)
        {
            if (live != null && !live.Get(d))
                continue;
            keys.Add(values?.Get(d) ?? Unassigned);
            ids.Add(d);
        }
        docs = ids.ToArray();
        return keys.ToArray();
    }

    private static int CountOf(long[] sorted, long key)
    {
        int at = Array.BinarySearch(sorted, key);
        if (at < 0)
            return 0;
        int lo = at, hi = at;
        while (lo > 0 && sorted[lo - 1] == key) lo--;
        while (hi < sorted.Length - 1 && sorted[hi + 1] == key) hi++;
        return hi - lo + 1;
    }

    /// <summary>One pass over one near-real-time reader.</summary>
    private sealed class Pass
    {
        private readonly IndexWriter _writer;
        private readonly DirectoryReader _reader;
        private readonly BinaryDocValues? _prints;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, DuplicateFingerprint?> _printCache = new();
        /// <summary>Current key per doc number (live docs only), updated as keys are set.</summary>
        private readonly Dictionary<int, long> _keyOf = new();
        private readonly Dictionary<long, List<int>> _members = new();
        private readonly IBits? _live;
        public int Moved;

        public Pass(IndexWriter writer, DirectoryReader reader)
        {
            _writer = writer;
            _reader = reader;
            _prints = MultiDocValues.GetBinaryValues(reader, Schema.DuplicateFingerprint);
            _live = MultiFields.GetLiveDocs(reader);
            var keys = LiveKeys(reader, out var docs);
            for (int i = 0; i < docs.Length; i++)
            {
                _keyOf[docs[i]] = keys[i];
                if (!_members.TryGetValue(keys[i], out var list))
                    _members[keys[i]] = list = new List<int>(1);
                list.Add(docs[i]);
            }
        }

        private int Size(long key) => _members.TryGetValue(key, out var list) ? list.Count : 0;

        /// <summary>Re-splits clusters that lost members since the last commit; returns how many were checked.</summary>
        public int RecheckShrunk(long[] committedKeys)
        {
            int rechecked = 0;
            for (int i = 0; i < committedKeys.Length;)
            {
                long key = committedKeys[i];
                int j = i;
                while (j < committedKeys.Length && committedKeys[j] == key) j++;
                int before = j - i;
                i = j;
                if (key == Unassigned || before < 2)
                    continue;
                int now = Size(key);
                if (now >= before || now < 2 || now > MaxRecheck)
                    continue;
                rechecked++;
                Resplit(key);
            }
            return rechecked;
        }

        private void Resplit(long key)
        {
            var members = _members[key].ToList();
            var sets = new UnionFind<int>();
            foreach (int m in members)
                sets.Add(m);
            for (int a = 0; a < members.Count; a++)
                for (int b = a + 1; b < members.Count; b++)
                    if (Print(members[a]) is { } pa && Print(members[b]) is { } pb && NearDuplicateRule.IsCopy(pa, pb))
                        sets.Union(members[a], members[b]);
            var parts = members.GroupBy(sets.Find).Select(g => g.ToList())
                .OrderByDescending(p => p.Count).ThenBy(p => p.Min(m => Print(m)?.OwnKey ?? long.MaxValue)).ToList();
            foreach (var part in parts.Skip(1))
            {
                long newKey = part.Min(m => Print(m)?.OwnKey ?? long.MaxValue);
                foreach (int m in part)
                    SetKey(m, newKey);
            }
        }

        /// <summary>Clusters every article not clustered yet; returns (clustered, of which joined a copy).</summary>
        public (int Clustered, int Joined) AssignNew()
        {
            var fresh = _members.TryGetValue(Unassigned, out var list) ? list.ToList() : new List<int>();
            if (fresh.Count == 0)
                return (0, 0);
            // Finding and verifying candidates is most of the work and reads only: one worker per
            // core, each with its own term and doc-value enumerators (they are not thread-safe).
            var copiesOf = new List<int>[fresh.Count];
            Parallel.For(0, fresh.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                () => (Bands: Bands(), Prints: MultiDocValues.GetBinaryValues(_reader, Schema.DuplicateFingerprint)),
                (i, _, worker) =>
                {
                    int doc = fresh[i];
                    var copies = new List<int>();
                    if (Print(doc, worker.Prints) is { } print)
                        foreach (int candidate in Candidates(print, doc, worker.Bands))
                            if (Print(candidate, worker.Prints) is { } other && NearDuplicateRule.IsCopy(print, other))
                                copies.Add(candidate);
                    copiesOf[i] = copies;
                    return worker;
                },
                _ => { });
            // Nodes: a new article is -(doc + 1); an existing cluster is its (positive) key.
            var sets = new UnionFind<long>();
            for (int i = 0; i < fresh.Count; i++)
            {
                long node = -(fresh[i] + 1L);
                sets.Add(node);
                foreach (int candidate in copiesOf[i])
                {
                    long key = _keyOf[candidate];
                    long otherNode = key == Unassigned ? -(candidate + 1L) : key;
                    sets.Add(otherNode);
                    sets.Union(node, otherNode);
                }
            }
            int joined = 0;
            foreach (var group in sets.Items.GroupBy(sets.Find))
            {
                var newDocs = group.Where(n => n < 0).Select(n => (int)(-n - 1)).ToList();
                var oldKeys = group.Where(n => n > 0).OrderByDescending(Size).ThenBy(k => k).ToList();
                long key;
                if (oldKeys.Count == 0)
                    key = newDocs.Min(d => Print(d)?.OwnKey ?? long.MaxValue);
                else
                {
                    key = oldKeys[0];
                    foreach (long merged in oldKeys.Skip(1))
                        foreach (int m in _members[merged].ToList())
                            SetKey(m, key);
                }
                if (newDocs.Count > 1 || oldKeys.Count > 0)
                    joined += newDocs.Count;
                foreach (int d in newDocs)
                    SetKey(d, key);
            }
            return (fresh.Count, joined);
        }

        private IEnumerable<int> Candidates(DuplicateFingerprint print, int self, List<(int DocBase, TermsEnum Terms, IBits? Live)> bands)
        {
            var keys = LshBands.Keys(print.Signature);
            var found = new HashSet<int>();
            DocsEnum? docs = null;
            foreach (string k in keys)
            {
                var term = new BytesRef(k);
                foreach (var (docBase, terms, live) in bands)
                {
                    if (!terms.SeekExact(term) || terms.DocFreq > MaxPostings)
                        continue;
                    docs = terms.Docs(live, docs, DocsFlags.NONE);
                    int d;
                    while ((d = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                        if (docBase + d != self)
                            found.Add(docBase + d);
                }
            }
            return found;
        }

        private List<(int DocBase, TermsEnum Terms, IBits? Live)> Bands()
        {
            var result = new List<(int, TermsEnum, IBits?)>();
            foreach (var leaf in _reader.Leaves)
            {
                var terms = leaf.AtomicReader.GetTerms(Schema.DuplicateBands);
                if (terms != null)
                    result.Add((leaf.DocBase, terms.GetEnumerator(), leaf.AtomicReader.LiveDocs));
            }
            return result;
        }

        private DuplicateFingerprint? Print(int doc) => Print(doc, _prints);

        /// <summary>A doc's fingerprint, decoded once per pass; <paramref name="prints"/> is the
        /// calling thread's own doc values.</summary>
        private DuplicateFingerprint? Print(int doc, BinaryDocValues? prints)
        {
            if (_printCache.TryGetValue(doc, out var print))
                return print;
            if (prints != null && (_live == null || _live.Get(doc)))
            {
                var bytes = new BytesRef();
                prints.Get(doc, bytes);
                print = DuplicateFingerprint.Decode(bytes);
            }
            _printCache[doc] = print;
            return print;
        }

        private Lucene.Net.Index.SortedDocValues? _paths;

        private void SetKey(int doc, long key)
        {
            long old = _keyOf[doc];
            if (old == key)
                return;
            // The id from the fingerprint: no stored-field read (they are compressed) per article.
            string? id = Print(doc)?.Id ?? _reader.Document(doc, IdField).Get(Schema.Id);
            if (id == null)
                return;
            // By the article's unique key (file + id): ids may repeat across files.
            _paths ??= Lucene.Net.Index.MultiDocValues.GetSortedValues(_reader, Schema.Path);
            if (_paths == null)
                return;
            var path = new BytesRef();
            _paths.Get(doc, path);
            _writer.UpdateNumericDocValue(new Lucene.Net.Index.Term(Schema.Key, Indexing.Build.ArticleKey.Of(path.Utf8ToString(), id)), Schema.Cluster, key);
            _keyOf[doc] = key;
            _members[old].Remove(doc);
            if (!_members.TryGetValue(key, out var list))
                _members[key] = list = new List<int>(1);
            list.Add(doc);
            if (old != Unassigned)
                Moved++;
        }
    }
}
