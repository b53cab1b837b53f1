using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// Hands each record to the writer under the build's one id rule (<see cref="ArticleKey"/>):
/// an article is keyed by its file and id, so ids that collide across files never replace one
/// another. Within a file, a record whose content hash equals what the index holds is left alone;
/// a changed one is updated; a new one is added (without the delete-by-key an update costs). An
/// id repeated within a file is settled by position, the last record winning as it would in file
/// order, even though batches of one file are added by several threads out of order; each record
/// that loses is listed at its line, so none is dropped unsaid.
/// </summary>
public sealed class RecordWriter(IndexWriter writer, BuildAccounting accounting)
{
    private const long WrittenBit = 1L << 62;

    /// <summary>Held while one id is decided and handed to Lucene, so two adding threads with
    /// the same id cannot interleave; striped, so different ids rarely wait for one another. The
    /// lock is held for the whole of Lucene's AddDocument: with 64 stripes, 1 article in 64 of a
    /// 20k JSON Lines build waited for another thread's whole document (about 250 waits); with 1,024,
    /// two threads meet once in 1,024 articles.</summary>
    private readonly object[] _idLocks = Enumerable.Range(0, 1024).Select(_ => new object()).ToArray();

    /// <summary>Adds, updates or leaves one record; true when it was written to the index.</summary>
    public bool Write(FileWork work, int position, Article article, Document doc, UInt128 hash)
    {
        if (IsPathDerived(article, work.Source))
            // Unique within the file by construction (path and record number): no position to settle.
            return Decide(work, article.Id, hash, repeated: false, doc);
        long idHash = ((long)StringComparer.Ordinal.GetHashCode(article.Id) << 32) | (uint)StringComparer.OrdinalIgnoreCase.GetHashCode(article.Id);
        lock (_idLocks[(int)((ulong)idHash % (ulong)_idLocks.Length)])
        {
            bool repeated;
            lock (work.Lock)
            {
                repeated = work.Positions.TryGetValue(idHash, out long before);
                // An earlier record of the same id, overtaken by a later one: the later one stays.
                // (Ids are compared by a 64-bit hash: two different ids of one file would have to
                // collide, odds about 1e-8 for a million ids, and arrive out of order to be mistaken.)
                bool overtaken = repeated && (before & ~WrittenBit) > position;
                if (repeated)
                    Superseded(work, overtaken ? article.Line : work.Lines[idHash]);
                if (overtaken)
                    return false;
                work.Positions[idHash] = position;
                work.Lines[idHash] = article.Line;
            }
            if (!Decide(work, article.Id, hash, repeated, doc))
                return false;
            lock (work.Lock)
                work.Positions[idHash] = (long)position | WrittenBit;
            return true;
        }
    }

    /// <summary>Lists the record at <paramref name="line"/>, replaced by a later record of its id:
    /// once per record, as each loses once (on arrival, or when a later one displaces it).</summary>
    private void Superseded(FileWork work, int line)
    {
        accounting.Skip(work.Source.RelativePath, line, "its id is repeated later in the file, and the last record with that id is indexed in its place", work.Path);
        Interlocked.Increment(ref work.Problems);
    }

    /// <summary>Adds, updates or leaves the record; true when it was written.</summary>
    private bool Decide(FileWork work, string id, UInt128 hash, bool repeated, Document doc)
    {
        bool old;
        UInt128 oldHash = default;
        lock (work.Lock)
        {
            old = work.OldRecords != null && work.OldRecords.TryGetValue(id, out oldHash);
            if (old)
                work.NotSeen!.Remove(id);
        }
        if (old && !repeated && oldHash == hash)
        {
            Interlocked.Increment(ref work.Unchanged);
            return false;
        }
        work.Touched = true;
        // An article in another language than English is analysed as that language (issue 23).
        var analyzer = Analysis.Languages.LanguageIndexAnalyzers.For(writer.Analyzer, doc) ?? writer.Analyzer;
        if (old || repeated)
            writer.UpdateDocument(new Term(Schema.Key, ArticleKey.Of(work.Path, id)), doc, analyzer);
        else
            writer.AddDocument(doc, analyzer);
        if (!repeated)
            Interlocked.Increment(ref old ? ref work.Updated : ref work.Added);
        accounting.ArticleWritten();
        return true;
    }

    /// <summary>Deletes the records the index held for a file read to the end that are no longer
    /// in it; returns how many.</summary>
    public int RemoveVanishedRecords(FileWork work)
    {
        if (work.NotSeen == null)
            return 0;
        foreach (string id in work.NotSeen)
            writer.DeleteDocuments(new Term(Schema.Key, ArticleKey.Of(work.Path, id)));
        return work.NotSeen.Count;
    }

    private static bool IsPathDerived(Article article, SourceFile source)
    {
        string id = article.Id, rel = source.RelativePath;
        if (!id.StartsWith(rel, StringComparison.Ordinal))
            return false;
        if (id.Length == rel.Length)
            return true;
        return article.Record is int record && id.Length > rel.Length + 1 && id[rel.Length] == '#'
            && id.AsSpan(rel.Length + 1).SequenceEqual(record.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
