using System.Text.Json;
using Lucene.Net.Search.Similarities;
using Search.Core.Indexing.Analysis;
using Search.Core.Indexing.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// The one <see cref="IndexWriter"/> of a build: opening it (refusing damage, restarting only a
/// first build's unfinished first commit), committing with the build's bookkeeping in the commit's
/// user data, and rolling back on every failure path. Lucene.Net 4.8's IndexWriter.Dispose()
/// commits, so a writer is never disposed without either <see cref="Commit"/> or
/// <see cref="Rollback"/> having decided what stays.
/// </summary>
public sealed class WriterSession : IDisposable
{
    /// <summary>User data key: JSON array of the absolute paths of files whose articles are only
    /// partly in this commit; the next build reads them again, whatever their size and date.</summary>
    public const string PartialKey = "build.partial";

    /// <summary>User data key set by `search check --fix`: every file is read again on the next build.</summary>
    public const string RecheckKey = "build.recheck";

    /// <summary>User data key: "1" on the commit that ends a build which read everything it
    /// scanned, "0" on the commits made while a build runs (and on an interrupted build's last).
    /// Readers answer from the newest complete commit (<see cref="CompleteCommits"/>), so they never
    /// see a build half-way. Commits of earlier versions, without the key, count as complete.</summary>
    public const string CompleteKey = "build.complete";

    /// <summary>User data key: the number of the build that made the commit (1 for the first
    /// build of an index, one more than the commit it started from for each next one). Every
    /// article carries the number of the build that added it (<see cref="Schema.ClusterBuild"/>).</summary>
    public const string BuildNumberKey = "build.number";

    /// <summary>User data key: the articles of every build up to this number have been through
    /// the clustering pass (<see cref="DuplicateClusterer"/>); those of later builds (a
    /// checkpoint's, a killed build's) have not. An article the pass found no copy of keeps the
    /// key it was added with, so a build writes keys only for articles that join a cluster.
    /// Absent in an index of an earlier version: every article with a key below zero is then taken
    /// as not clustered yet, as those versions wrote a key to every clustered article.</summary>
    public const string ClusteredThroughKey = "cluster.through";

    private readonly Dictionary<string, string> _baseData;
    private readonly string _indexPath;
    private bool _closed;

    private WriterSession(IndexWriter writer, string indexPath, Dictionary<string, string> baseData, IReadOnlySet<string> partial, bool recheck, bool fresh,
        IReadOnlyList<IndexProblem> problems, long buildNumber, long clusteredThrough)
    {
        BuildNumber = buildNumber;
        ClusteredThrough = StartClusteredThrough = clusteredThrough;
        Writer = writer;
        _indexPath = indexPath;
        _baseData = baseData;
        PreviousPartial = partial;
        Recheck = recheck;
        Fresh = fresh;
        PreviousProblems = problems;
    }

    /// <summary>The analysis the build adds with: the index's own, or the requested one for a new index.</summary>
    public AnalysisSettings Analysis => AnalysisSettings.FromUserData(_baseData);

    /// <summary>The skipped files and records the last commit recorded (none for a rebuild).</summary>
    public IReadOnlyList<IndexProblem> PreviousProblems { get; }

    /// <summary>Gives the problems to record with each commit (the build's current list).</summary>
    public Func<IEnumerable<IndexProblem>>? Problems { get; set; }

    /// <summary>Set once the build has read everything it scanned: the next commit is complete.</summary>
    public bool Complete { get; set; }

    public IndexWriter Writer { get; }

    /// <summary>Files the last commit holds only part of.</summary>
    public IReadOnlySet<string> PreviousPartial { get; }

    /// <summary>Whether every file must be read again (after `search check --fix`).</summary>
    public bool Recheck { get; }

    /// <summary>This build's number (<see cref="BuildNumberKey"/>), carried by every article it adds.</summary>
    public long BuildNumber { get; }

    /// <summary>What the commit the build started from says of clustering (<see cref="ClusteredThroughKey"/>;
    /// -1 for an index of an earlier version).</summary>
    public long StartClusteredThrough { get; }

    /// <summary>Recorded with each commit: set to <see cref="BuildNumber"/> once the clustering
    /// pass has run over everything the writer holds, right before the build's last commit.</summary>
    public long ClusteredThrough { get; set; }

    /// <summary>The index had no articles when the build started.</summary>
    public bool Fresh { get; }

    public static WriterSession Open(LuceneDirectory dir, string indexPath, bool rebuild, AnalysisSettings? requested, double ramBufferMB)
    {
        var (state, generation, error) = CommitPoints.Inspect(dir);
        if (state == CommitPoints.Newest.Damaged && !rebuild)
            throw IndexStore.Damaged(indexPath, error!);
        if (state == CommitPoints.Newest.Unfinished && generation == 1)
            DiscardIndexFiles(indexPath); // a first build killed while committing: nothing was ever committed, nothing to lose
        bool exists = DirectoryReader.IndexExists(dir);

        var analysis = requested ?? AnalysisSettings.Default;
        var partial = new HashSet<string>(StringComparer.Ordinal);
        bool recheck = false;
        IReadOnlyList<IndexProblem> problems = Array.Empty<IndexProblem>();
        long lastBuild = 0, clusteredThrough = 0;
        string indexId = Guid.NewGuid().ToString("N");
        if (exists && !rebuild)
        {
            var (reader, existing) = IndexStore.OpenReader(dir, indexPath);
            using (reader)
            {
                // The letter rules are the index's own: a build adds to it as it was built.
                if (requested != null && requested with { Letters = existing.Letters } != existing)
                    throw new SearchException($"{indexPath} was built with other analysis settings ({existing.Stemmer}, stop words {(existing.StopWords ? "on" : "off")}, {existing.LanguageStemmer} stemmers for other languages); add --rebuild to change them");
                analysis = existing;
                var data = reader.IndexCommit.UserData;
                if (data.TryGetValue(PartialKey, out string? json) && JsonSerializer.Deserialize<string[]>(json) is { } paths)
                    partial.UnionWith(paths);
                recheck = data.TryGetValue(RecheckKey, out string? r) && r == "1";
                problems = IndexProblems.Load(indexPath, data).Where(p => p.Path.Length > 0).ToList();
                lastBuild = Number(data, BuildNumberKey) ?? 0;
                clusteredThrough = Number(data, ClusteredThroughKey) ?? -1;
                if (data.TryGetValue(IndexStore.IdKey, out string? id))
                    indexId = id;
            }
        }

        IndexWriterConfig Config() => new(ArticleAnalyzer.Version, new ArticleAnalyzer(analysis, TextMode.Index))
        {
            OpenMode = rebuild || !exists ? OpenMode.CREATE : OpenMode.APPEND,
            RAMBufferSizeMB = ramBufferMB,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
            Similarity = new BM25Similarity(),
            IndexDeletionPolicy = new KeepLastCommits(keepStart: !rebuild),
            // No compound files: packing a segment's files into one copies them all a second time,
            // at every flush and merge, to save file handles an index of a few dozen segments
            // does not run short of.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0.0 },
            // Lucene 4.6's formats with the stored text deflated (the .fdt of 20k news articles 25.0 -> 18.0 MB against LZ4);
            // segments of the stock codec are read as they are and rewritten only by merges.
            Codec = Lucene.Net.Codecs.Codec.ForName(SearchCodec.Name),
        };
        IndexWriter writer;
        try
        {
            try
            {
                writer = new IndexWriter(dir, Config());
            }
            catch (Exception e) when (rebuild && e is IOException or InvalidOperationException && !IndexStore.IsLockFailure(e))
            {
                // --rebuild asks for everything to go. Even in CREATE mode Lucene reads every old
                // commit point, so a damaged one would make the rebuild fail too: clear the index
                // files (the folder was checked to be an index) and start afresh.
                DiscardIndexFiles(indexPath);
                writer = new IndexWriter(dir, Config());
            }
        }
        catch (Exception e) when (IndexStore.IsLockFailure(e))
        {
            throw new IndexLockedException(indexPath, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw IndexStore.NotWritable(indexPath, e);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            throw IndexStore.Damaged(indexPath, e);
        }
        var baseData = new Dictionary<string, string>(analysis.ToUserData());
        baseData[IndexStore.VersionKey] = Schema.Version.ToString(CultureInfo.InvariantCulture);
        baseData[IndexStore.IdKey] = indexId;
        return new WriterSession(writer, indexPath, baseData, partial, recheck && !rebuild, fresh: rebuild || !exists || writer.NumDocs == 0, problems,
            Math.Max(lastBuild, clusteredThrough) + 1, clusteredThrough); // never a number a clustered build had
    }

    private static long? Number(IDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out string? text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : null;

    /// <summary>Commits what the writer holds, recording <paramref name="partial"/> (files only part
    /// of whose articles are in this commit). The recheck flag is kept until a build has
    /// finished reading every file.</summary>
    public void Commit(IEnumerable<string> partial, bool recheckDone)
    {
        var data = new Dictionary<string, string>(_baseData);
        var list = partial.Order(StringComparer.Ordinal).ToArray();
        if (list.Length > 0)
            data[PartialKey] = JsonSerializer.Serialize(list);
        if (Recheck && !recheckDone)
            data[RecheckKey] = "1";
        data[CompleteKey] = Complete ? "1" : "0";
        data[BuildNumberKey] = BuildNumber.ToString(CultureInfo.InvariantCulture);
        if (ClusteredThrough >= 0)
            data[ClusteredThroughKey] = ClusteredThrough.ToString(CultureInfo.InvariantCulture);
        if (Problems != null && IndexProblems.Save(_indexPath, Problems()) is { } problemsFile)
            data[IndexProblems.Key] = problemsFile;
        Writer.SetCommitData(data);
        Writer.Commit();
        IndexProblems.RemoveUnreferenced(_indexPath, Writer.Directory);
    }

    /// <summary>Throws away everything since the last commit and closes the writer.</summary>
    public void Rollback()
    {
        if (_closed)
            return;
        _closed = true;
        Writer.Rollback();
    }

    /// <summary>Closes the writer after a <see cref="Commit"/>; anything left uncommitted (a
    /// failure path that forgot to decide) is rolled back, never committed by Dispose.</summary>
    public void Dispose()
    {
        if (_closed)
            return;
        _closed = true;
        if (Writer.HasUncommittedChanges())
            Writer.Rollback();
        else
            Writer.Dispose();
    }

    private static void DiscardIndexFiles(string indexPath)
    {
        foreach (string f in System.IO.Directory.EnumerateFiles(indexPath))
        {
            string name = Path.GetFileName(f);
            if (name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_'))
                File.Delete(f);
        }
    }
}
