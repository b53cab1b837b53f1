using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Search.Benchmarks.Speed;

/// <summary>
/// The SQLite FTS5 baseline through Microsoft.Data.Sqlite: <c>fts5(title, body, tokenize='porter unicode61')</c>
/// (a content table: the text is stored, as our index stores it), every insert in one
/// transaction with one prepared statement, default pragmas, no 'optimize' afterwards.
/// Queries: <c>MATCH ... ORDER BY rank LIMIT 10</c> (BM25), hit counts with a separate COUNT(*).
/// </summary>
public static class Fts5Baseline
{
    public static IndexChildResult Index(Corpus corpus, string dbPath)
    {
        Measure.Delete(dbPath);
        Measure.Delete(dbPath + "-journal");
        var clock = Stopwatch.StartNew();
        int count = 0;
        using (var db = Open(dbPath))
        {
            Exec(db, "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')");
            using var tx = db.BeginTransaction();
            using var insert = db.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO docs(title, body) VALUES ($title, $body)";
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            insert.Prepare();
            foreach (var a in CorpusText.Read(corpus))
            {
                title.Value = a.Title;
                body.Value = a.Body;
                insert.ExecuteNonQuery();
                count++;
            }
            tx.Commit();
        }
        SqliteConnection.ClearAllPools();
        double seconds = clock.Elapsed.TotalSeconds;
        return new IndexChildResult(count, seconds, Measure.PeakWorkingSet(), Measure.SizeOnDisk(dbPath), "1 transaction, text stored");
    }

    private static SqliteConnection Open(string path, bool readOnly = false)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        db.Open();
        return db;
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    public sealed class Searcher : IDisposable
    {
        private readonly SqliteConnection _db;
        private readonly SqliteCommand _top, _count;
        private readonly SqliteParameter _topQuery, _countQuery;

        public Searcher(string dbPath)
        {
            _db = Open(dbPath, readOnly: true);
            _top = _db.CreateCommand();
            _top.CommandText = "SELECT rowid, title FROM docs WHERE docs MATCH $q ORDER BY rank LIMIT 10";
            _topQuery = _top.Parameters.Add("$q", SqliteType.Text);
            _count = _db.CreateCommand();
            _count.CommandText = "SELECT count(*) FROM docs WHERE docs MATCH $q";
            _countQuery = _count.Parameters.Add("$q", SqliteType.Text);
        }

        /// <summary>The ranked top 10 (what is timed); returns how many rows came back.</summary>
        public int Top(string match)
        {
            _topQuery.Value = match;
            using var r = _top.ExecuteReader();
            int n = 0;
            while (r.Read())
            {
                _ = r.GetInt64(0);
                _ = r.GetString(1);
                n++;
            }
            return n;
        }

        public long Count(string match)
        {
            _countQuery.Value = match;
            return (long)(_count.ExecuteScalar() ?? 0L);
        }

        public void Dispose()
        {
            _top.Dispose();
            _count.Dispose();
            _db.Dispose();
        }
    }
}
