using System.Collections.Concurrent;
using Search.Core.Duplicates;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// Gives articles added by a build their duplicate-cluster keys, and keeps clusters right when
/// members were deleted or changed. One per build; <see cref="BeforeCommit"/> runs right before
/// the build's last commit (not at its checkpoints: see <see cref="Checkpointer"/>). It reads the
/// writer's uncommitted state through a near-real-time reader (refreshed incrementally, only new
/// segments opened, if it runs again) and sets keys with
/// <see cref="IndexWriter.UpdateNumericDocValue"/>, so the keys land in the same atomic commit as
/// the articles.
///
/// What it costs is kept to the new articles: an article is added with its own key negated
/// (<see cref="DuplicateFields"/>), a story of its own, and with the number of the build that
/// adds it (<see cref="Schema.ClusterBuild"/>); the articles looked at are those with a key below
/// zero from builds later than the commit's <see cref="WriterSession.ClusteredThroughKey"/> (this
/// build's, and a killed build's that a checkpoint holds). Candidates are found from the band keys every
/// article carries as a fixed-width binary doc value (no fingerprint is stored), by sorting each
/// band's (key, article) entries in bounded passes (<see cref="Pass.CandidatePairs"/>, <see cref="BandEntries"/>), and only a
/// candidate pair, two articles sharing a band key, is verified, from the stored text
/// (<see cref="NearDuplicateRule"/>). An archive without copies pays for 160 bytes of doc values
/// per article and one read and sort of them per build: no key is written for an article that
/// joins no cluster (the commit's "clustered through" number says it was looked at).
///
/// New article: it joins the cluster of what it copies (clusters it links are merged: the larger
/// keeps its key; an article of an earlier build that was a story of its own counts as a cluster
/// of one under its own key, and gets that key written when a copy joins it), or keeps its own
/// key negated, written when it was added. Keys are stable: a cluster keeps its key as copies join
/// or leave. Deleted or changed article (looked at only when there are fewer clustered articles
/// than when the build started; counting them reads one numeric doc value per article): every
/// cluster that has fewer members than when the build started is checked again pair by pair; if
/// it fell apart (the article that linked two groups is gone), the largest part keeps the key and the
/// others get new ones.
/// </summary>
public sealed class DuplicateClusterer : IDisposable
{
    /// <summary>The key of an article not clustered (a key below zero is one not clustered yet).</summary>
    public const long Unassigned = 0;

    private static readonly ISet<string> TextFields = new HashSet<string> { Schema.Id, Schema.Body, Schema.Published, Schema.Language };

    /// <summary>The index as the build found it (a near-real-time reader the build holds open).</summary>
    private readonly IndexReader _start;
    private readonly ClusteringLimits _limits;
    /// <summary>Articles of builds up to this number were looked at by an earlier pass.</summary>
    private readonly long _clusteredThrough;
    private DirectoryReader? _reader;
    /// <summary>Segments (core cache keys) already scanned for new articles.</summary>
    private HashSet<object> _seen = new();
    /// <summary>Live clustered articles after the last pass; -1 before the first.</summary>
    private long _clustered = -1;

    /// <param name="start">The index as the build found it, open until the build's last commit:
    /// clusters are compared with it to find those that lost members.</param>
    /// <param name="clusteredThrough">What the commit the build started from records as
    /// <see cref="WriterSession.ClusteredThroughKey"/> (-1 for an index of an earlier version).</param>
    public DuplicateClusterer(IndexReader start, long clusteredThrough) : this(start, clusteredThrough, ClusteringLimits.Default) { }

    internal DuplicateClusterer(IndexReader start, long clusteredThrough, ClusteringLimits limits) =>
        (_start, _clusteredThrough, _limits) = (start, clusteredThrough, limits);

    /// <summary>What one pass did: articles looked at, of which joined a copy, clusters checked
    /// again after deletions, articles moved between clusters, and cluster keys written.</summary>
    public sealed record Report(int Looked, int Joined, int Rechecked, int Moved, int KeysWritten, TimeSpan Took);

    /// <summary>Clusters the writer's uncommitted articles; call right before <c>Commit()</c>, with
    /// no file starting or finishing (articles may still be added: those not seen now are
    /// clustered at the next commit).</summary>
    public Report BeforeCommit(IndexWriter writer)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (_reader == null)
            _reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        else if (DirectoryReader.OpenIfChanged(_reader, writer, applyAllDeletes: true) is { } newer)
        {
            _reader.Dispose();
            _reader = newer;
        }
        var reader = _reader;
        var pass = new Pass(writer, reader, _limits);
        // A bit per article, not a list of the new ones: a rebuild's are all of them.
        var fresh = new FixedBitSet(Math.Max(1, reader.MaxDoc));
        var seenNow = new HashSet<object>();
        long clustered = 0;
        foreach (var leaf in reader.Leaves)
        {
            clustered += Pass.CountClustered(leaf);
            var key = leaf.Reader.CoreCacheKey;
            seenNow.Add(key);
            if (_seen.Contains(key))
                continue; // a segment never changes: its new articles were clustered when it was first seen
            Pass.CollectUnclustered(leaf, _clusteredThrough, fresh);
        }
        _seen = seenNow;

        // Fewer clustered articles than when the build started (or after the last pass): some
        // were deleted or replaced, and the clusters they were in may have to be split.
        long[]? startKeys = null;
        if (_clustered < 0)
            _clustered = (startKeys = KeysOf(_start)).Length;
        int rechecked = clustered < _clustered ? pass.RecheckShrunk(startKeys ?? KeysOf(_start)) : 0;
        var (looked, joined) = pass.AssignNew(fresh);
        _clustered = clustered + pass.Gained;
        return new Report(looked, joined, rechecked, pass.Moved, pass.Written, clock.Elapsed);
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _reader = null;
    }

    /// <summary>Cluster keys of the live clustered articles of <paramref name="committed"/>, sorted; empty when there is none.</summary>
    private static long[] KeysOf(IndexReader committed)
    {
        try
        {
            var values = MultiDocValues.GetNumericValues(committed, Schema.Cluster);
            var live = MultiFields.GetLiveDocs(committed);
            if (values == null)
                return Array.Empty<long>();
            var keys = new List<long>(committed.NumDocs);
            for (int d = 0; d < committed.MaxDoc; d++)
                if ((live == null || live.Get(d)) && values.Get(d) is > Unassigned and var k)
                    keys.Add(k);
            var sorted = keys.ToArray();
            Array.Sort(sorted);
            return sorted;
        }
        catch (Exception e) when (e is IOException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            return Array.Empty<long>(); // an old or unreadable commit (a rebuild replaces it): nothing to compare with
        }
    }

    /// <summary>One pass over one near-real-time reader.</summary>
    private sealed class Pass
    {
        private readonly IndexWriter _writer;
        private readonly DirectoryReader _reader;
        private readonly ClusteringLimits _limits;
        private readonly NumericDocValues? _keys;
        private readonly IBits? _live;
        private readonly ConcurrentDictionary<int, DuplicateFingerprint?> _prints = new();
        private int _kept;
        /// <summary>Keys set in this pass (doc → key), over what the doc values say.</summary>
        private readonly Dictionary<int, long> _set = new();
        /// <summary>Members of every clustered key, read only when a pass needs them (merging two
        /// existing clusters, re-checking after deletions).</summary>
        private Dictionary<long, List<int>>? _members;
        /// <summary>Articles of earlier builds that are a story of their own (a key below zero),
        /// met in verified pairs, under their own key: a cluster of one.</summary>
        private readonly Dictionary<long, List<int>> _alone = new();
        public int Moved;
        /// <summary>Keys written (<see cref="IndexWriter.UpdateNumericDocValue"/> calls).</summary>
        public int Written;
        /// <summary>Articles that had no cluster key above zero and now have one.</summary>
        public int Gained;

        public Pass(IndexWriter writer, DirectoryReader reader, ClusteringLimits limits)
        {
            _writer = writer;
            _reader = reader;
            _limits = limits;
            _keys = MultiDocValues.GetNumericValues(reader, Schema.Cluster);
            _live = MultiFields.GetLiveDocs(reader);
        }

        private bool IsLive(int doc) => _live == null || _live.Get(doc);

        private long KeyOf(int doc) => _set.TryGetValue(doc, out long k) ? k : _keys?.Get(doc) ?? Unassigned;

        /// <summary>Live articles of <paramref name="leaf"/> with a cluster key.</summary>
        public static long CountClustered(AtomicReaderContext leaf)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(Schema.Cluster);
            if (values == null)
                return 0;
            var live = leaf.AtomicReader.LiveDocs;
            long n = 0;
            for (int d = 0; d < leaf.AtomicReader.MaxDoc; d++)
                if ((live == null || live.Get(d)) && values.Get(d) > Unassigned)
                    n++;
            return n;
        }

        /// <summary>Marks the live articles of <paramref name="leaf"/> no pass has looked at (top-level
        /// doc numbers): a key below zero (never set by a pass) and a build after <paramref name="clusteredThrough"/>.</summary>
        public static void CollectUnclustered(AtomicReaderContext leaf, long clusteredThrough, FixedBitSet into)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(Schema.Cluster);
            if (values == null)
                return;
            var builds = leaf.AtomicReader.GetNumericDocValues(Schema.ClusterBuild); // absent in earlier versions: 0
            var live = leaf.AtomicReader.LiveDocs;
            for (int d = 0; d < leaf.AtomicReader.MaxDoc; d++)
                if ((live == null || live.Get(d)) && values.Get(d) < Unassigned && (builds?.Get(d) ?? 0) > clusteredThrough)
                    into.Set(leaf.DocBase + d);
        }

        private Dictionary<long, List<int>> Members()
        {
            if (_members != null)
                return _members;
            _members = new Dictionary<long, List<int>>();
            for (int d = 0; d < _reader.MaxDoc; d++)
            {
                if (!IsLive(d))
                    continue;
                long key = KeyOf(d);
                if (key <= Unassigned)
                    continue;
                if (!_members.TryGetValue(key, out var list))
                    _members[key] = list = new List<int>(1);
                list.Add(d);
            }
            return _members;
        }

        private int Size(long key) => MembersOf(key).Count;

        /// <summary>The articles under <paramref name="key"/>: a cluster's, or an earlier build's
        /// article alone under its own key.</summary>
        private List<int> MembersOf(long key)
        {
            var members = Members().TryGetValue(key, out var list) ? list : new List<int>();
            return _alone.TryGetValue(key, out var alone) ? members.Concat(alone).Distinct().ToList() : members;
        }

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
                if (before < 2)
                    continue;
                int now = Size(key);
                if (now >= before || now < 2 || now > _limits.MaxRecheck)
                    continue;
                rechecked++;
                Resplit(key);
            }
            return rechecked;
        }

        private void Resplit(long key)
        {
            var members = Members()[key].ToList();
            var sets = new UnionFind<int>();
            foreach (int m in members)
                sets.Add(m);
            for (int a = 0; a < members.Count; a++)
                for (int b = a + 1; b < members.Count; b++)
                    if (Print(members[a]) is { } pa && Print(members[b]) is { } pb && NearDuplicateRule.IsCopy(pa, pb))
                        sets.Union(members[a], members[b]);
            var parts = members.GroupBy(sets.Find).Select(g => g.ToList())
                .OrderByDescending(p => p.Count).ThenBy(p => p.Min(OwnKey)).ToList();
            foreach (var part in parts.Skip(1))
            {
                long newKey = part.Min(OwnKey);
                foreach (int m in part)
                    SetKey(m, newKey);
            }
        }

        /// <summary>Clusters the new articles <paramref name="isFresh"/>; returns (looked at, of which joined a copy).</summary>
        public (int Looked, int Joined) AssignNew(FixedBitSet isFresh)
        {
            int freshCount = isFresh.Cardinality;
            if (freshCount == 0)
                return (0, 0);
            var pairs = CandidatePairs(isFresh, freshCount);
            // Verifying reads and analyses the stored text of both: done only for candidate pairs,
            // one worker per core, a new article's pairs together so its fingerprint is made once
            // however full the kept ones are.
            var verified = new ConcurrentBag<(int New, int Other)>();
            var byNew = pairs.GroupBy(p => p.New).OrderBy(g => g.Key).ToList();
            pairs.Clear();
            Parallel.ForEach(byNew, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, group =>
            {
                if (Print(group.Key) is not { } a)
                    return;
                foreach (var pair in group.OrderBy(p => p.Other))
                    if (Print(pair.Other) is { } b && NearDuplicateRule.IsCopy(a, b))
                        verified.Add(pair);
            });

            // Nodes: a new article is -(doc + 1); an existing cluster is its (positive) key, and an
            // earlier build's article that is a story of its own is a cluster of one under its own key.
            var sets = new UnionFind<long>();
            foreach (var (doc, other) in verified)
            {
                long node = -(doc + 1L);
                long key = KeyOf(other);
                long otherNode;
                if (isFresh.Get(other) || key == Unassigned)
                    otherNode = -(other + 1L);
                else if (key > Unassigned)
                    otherNode = key;
                else
                {
                    otherNode = -key;
                    if (!_alone.TryGetValue(otherNode, out var list))
                        _alone[otherNode] = list = new List<int>(1);
                    if (!list.Contains(other))
                        list.Add(other);
                }
                sets.Add(node);
                sets.Add(otherNode);
                sets.Union(node, otherNode);
            }
            int joined = 0;
            foreach (var group in sets.Items.GroupBy(sets.Find))
            {
                var newDocs = group.Where(n => n < 0).Select(n => (int)(-n - 1)).ToList();
                var oldKeys = group.Where(n => n > 0).ToList();
                long key;
                if (oldKeys.Count == 0)
                    key = newDocs.Min(OwnKey);
                else
                {
                    if (oldKeys.Count > 1)
                        oldKeys = oldKeys.OrderByDescending(Size).ThenBy(k => k).ToList();
                    key = oldKeys[0];
                    foreach (long merged in oldKeys.Skip(1))
                        foreach (int m in MembersOf(merged).ToList())
                            SetKey(m, key);
                    // An earlier build's article alone under this key becomes a member: its key written.
                    if (_alone.TryGetValue(key, out var alone))
                        foreach (int m in alone)
                            SetKey(m, key);
                }
                joined += newDocs.Count;
                foreach (int d in newDocs)
                    SetKey(d, key);
            }
            // The rest stay alone, under the key they were added with: nothing to write.
            return (freshCount, joined);
        }

        /// <summary>
        /// Pairs (new article, other article) sharing a band key, each once. The keys are binary doc
        /// values (<see cref="DuplicateFields"/>); an equal key is found by sorting each band's (key, article)
        /// entries and reading runs of equal keys (<see cref="BandEntries"/>), in passes of as many bands as
        /// <see cref="ClusteringLimits.MaxEntries"/> entries hold, so memory stays bounded whatever the index holds.
        /// When the new articles are few beside the index (a nightly addition), only the entries
        /// whose key one of them has are kept: one read of every article's keys, and a sort of
        /// little more than the new articles' own. A pair the rule's size-and-date tests turn down
        /// is dropped as its run is read, so only pairs worth reading are ever held (on a generated
        /// corpus of 20,000 articles, 177 of 54,873 pairs sharing a key).
        /// </summary>
        // Run once a build, so it would run as the JIT's first, unoptimised form (the tiers above come
        // after a method has been called often): its loop over every article's keys took twice as long.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private HashSet<(int New, int Other)> CandidatePairs(FixedBitSet isFresh, int freshCount)
        {
            var pairs = new HashSet<(int, int)>();
            int live = _reader.NumDocs;
            bool filtered = (long)freshCount * LshBands.Bands <= _limits.MaxEntries / 2 && freshCount * 2 < live;
            int bandsPerPass = filtered ? LshBands.Bands : (int)Math.Clamp(_limits.MaxEntries / Math.Max(1, live), 1, LshBands.Bands);
            var entries = new BandEntries(bandsPerPass, filtered ? freshCount : live);
            for (int first = 0; first < LshBands.Bands; first += bandsPerPass)
            {
                int last = Math.Min(LshBands.Bands, first + bandsPerPass);
                entries.Clear(last - first);
                Dictionary<ulong, int>? wanted = filtered ? FreshKeys(isFresh, first, last) : null;
                foreach (var leaf in _reader.Leaves)
                {
                    var values = leaf.AtomicReader.GetBinaryDocValues(Schema.DuplicateBands);
                    if (values == null)
                        continue;
                    var liveDocs = leaf.AtomicReader.LiveDocs;
                    var bytes = new BytesRef();
                    for (int d = 0; d < leaf.AtomicReader.MaxDoc; d++)
                    {
                        if (liveDocs != null && !liveDocs.Get(d))
                            continue;
                        values.Get(d, bytes);
                        if (bytes.Length != DuplicateFields.ValueBytes)
                            continue; // too short to compare: no keys
                        var value = new ReadOnlySpan<byte>(bytes.Bytes, bytes.Offset, bytes.Length);
                        int slot = -1;
                        for (int band = first; band < last; band++)
                        {
                            ulong key = ((ulong)band << 32) | LshBands.Read(value, band);
                            if (wanted != null)
                            {
                                // Only keys a new article has; past MaxPostings + 1 a key is skipped anyway.
                                if (!wanted.TryGetValue(key, out int n) || n > _limits.MaxPostings)
                                    continue;
                                wanted[key] = n + 1;
                            }
                            if (slot < 0)
                                slot = entries.AddArticle(leaf.DocBase + d, DuplicateFields.Shingles(value), DuplicateFields.Date(value));
                            entries.Add(band - first, (uint)key, slot);
                        }
                    }
                }
                // Bands are sorted and read side by side, one worker per core, each with its own pairs.
                entries.SortedRuns((run, found) =>
                {
                    if (run.Length > _limits.MaxPostings)
                        return; // boilerplate many outlets share, not evidence of a copy
                    for (int i = 0; i < run.Length; i++)
                    {
                        var a = entries.Article(run[i]);
                        bool aFresh = isFresh.Get(a.Doc);
                        for (int j = i + 1; j < run.Length; j++)
                        {
                            var b = entries.Article(run[j]);
                            bool bFresh = isFresh.Get(b.Doc);
                            // The rule's first tests, on the shingle counts and dates kept beside the
                            // keys: a pair they turn down is never read from the stored text.
                            if (!(aFresh || bFresh) || a.Doc == b.Doc || NearDuplicateRule.WhyNotBySize(a.Shingles, a.Date, b.Shingles, b.Date) != null)
                                continue;
                            // Each unordered pair once, a new article first (when both are new, the lower doc first).
                            found.Add(aFresh && (!bFresh || a.Doc < b.Doc) ? (a.Doc, b.Doc) : (b.Doc, a.Doc));
                        }
                    }
                }, pairs);
            }
            return pairs;
        }

        /// <summary>The keys of bands [<paramref name="first"/>, <paramref name="last"/>) that new articles have, each with a count of 0.</summary>
        private Dictionary<ulong, int> FreshKeys(FixedBitSet fresh, int first, int last)
        {
            var keys = new Dictionary<ulong, int>(fresh.Cardinality * (last - first));
            var bytes = new BytesRef();
            for (int doc = fresh.NextSetBit(0); doc >= 0; doc = doc + 1 < fresh.Length ? fresh.NextSetBit(doc + 1) : -1)
            {
                var leaf = _reader.Leaves[ReaderUtil.SubIndex(doc, _reader.Leaves)];
                var values = leaf.AtomicReader.GetBinaryDocValues(Schema.DuplicateBands);
                if (values == null)
                    continue;
                values.Get(doc - leaf.DocBase, bytes);
                if (bytes.Length != DuplicateFields.ValueBytes)
                    continue;
                var span = new ReadOnlySpan<byte>(bytes.Bytes, bytes.Offset, bytes.Length);
                for (int band = first; band < last; band++)
                    keys.TryAdd(((ulong)band << 32) | LshBands.Read(span, band), 0);
            }
            return keys;
        }

        /// <summary>A doc's own key: what its cluster is called when it starts one.</summary>
        private long OwnKey(int doc)
        {
            long value = _keys?.Get(doc) ?? Unassigned;
            if (value < Unassigned)
                return -value; // added with its own key negated
            return Print(doc)?.OwnKey ?? value;
        }

        /// <summary>A doc's fingerprint, from its stored text; the first <see cref="ClusteringLimits.MaxKeptPrints"/>
        /// made in a pass are kept for its other pairs, the rest made again when needed, so memory
        /// stays bounded however many pairs a big build verifies (a fingerprint holds the text).</summary>
        private DuplicateFingerprint? Print(int doc)
        {
            if (_prints.TryGetValue(doc, out var known))
                return known;
            if (!IsLive(doc))
                return null;
            var stored = _reader.Document(doc, TextFields);
            var print = DuplicateFingerprint.Of(stored.Get(Schema.Id) ?? "", stored.Get(Schema.Body) ?? "", stored.Get(Schema.Published), stored.Get(Schema.Language));
            // Counted apart: a ConcurrentDictionary's Count takes every one of its locks.
            if (Interlocked.Increment(ref _kept) <= _limits.MaxKeptPrints)
                _prints.TryAdd(doc, print);
            return print;
        }

        private void SetKey(int doc, long key)
        {
            long old = KeyOf(doc);
            if (old == key)
                return;
            // The id from the record state and the path, both doc values of the doc's own segment:
            // no stored-field read (they are compressed), and no map of every path in the index
            // (MultiDocValues' sorted values build one, which costs as much as the index has files).
            var leaf = _reader.Leaves[ReaderUtil.SubIndex(doc, _reader.Leaves)];
            int local = doc - leaf.DocBase;
            var records = leaf.AtomicReader.GetBinaryDocValues(Schema.RecordState);
            var paths = leaf.AtomicReader.GetSortedDocValues(Schema.Path);
            if (records == null || paths == null)
                return;
            var bytes = new BytesRef();
            records.Get(local, bytes);
            string id = RecordState.Decode(bytes).Id;
            var path = new BytesRef();
            paths.Get(local, path);
            // By the article's unique key (file + id): ids may repeat across files.
            _writer.UpdateNumericDocValue(new Term(Schema.Key, ArticleKey.Of(path.Utf8ToString(), id)), Schema.Cluster, key);
            Written++;
            if (old <= Unassigned && key > Unassigned)
                Gained++;
            _set[doc] = key;
            if (_members != null)
            {
                if (_members.TryGetValue(old, out var was))
                    was.Remove(doc);
                if (!_members.TryGetValue(key, out var list))
                    _members[key] = list = new List<int>(1);
                list.Add(doc);
            }
            if (old > Unassigned)
                Moved++;
        }
    }
}
