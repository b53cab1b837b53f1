using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using Search.Core.Indexing;

namespace Search.Benchmarks.Speed;

/// <summary>
/// The peer issue 18 names: a plain Lucene.Net 4.8 indexer as a competent user would write it to
/// use every core. <c>Parallel.ForEach</c> over the text files (or over the lines of a JSON Lines
/// file, parsed on the worker threads) into one <see cref="IndexWriter"/>; EnglishAnalyzer
/// (possessives, stop words, Porter); title and body stored and indexed with positions, id a
/// stored StringField; 256 MB RAM buffer, no doc-count flush, BM25, one commit at the end. Same
/// directory class as ours. No enrichment, facets, doc values, exact forms or duplicates.
/// </summary>
public static class LuceneParallelBaseline
{
    public static IndexChildResult Index(Corpus corpus, string indexPath)
    {
        Measure.Delete(indexPath);
        var clock = Stopwatch.StartNew();
        int count = 0;
        using (var dir = new PositionalReadDirectory(new DirectoryInfo(indexPath)))
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new EnglishAnalyzer(LuceneVersion.LUCENE_48))
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = LuceneBaseline.RamBufferMB,
                MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
                Similarity = new BM25Similarity(),
            };
            using var writer = new IndexWriter(dir, config);
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            // Each worker reuses its own document and fields, as Lucene's own examples do.
            Func<Fields> local = () => new Fields();
            Action<Fields> done = f => Interlocked.Add(ref count, f.Count);
            if (corpus.Format == CorpusFormat.Txt)
            {
                var files = Directory.EnumerateFiles(corpus.Root, "*", SearchOption.AllDirectories);
                Parallel.ForEach(files, options, local, (file, _, f) =>
                {
                    string text = File.ReadAllText(file);
                    int nl = text.IndexOf('\n');
                    string id = Path.GetRelativePath(corpus.Root, file);
                    f.Add(writer, id, nl < 0 ? text.Trim() : text[..nl].Trim(), nl < 0 ? "" : text[(nl + 1)..]);
                    return f;
                }, done);
            }
            else
            {
                foreach (string file in Directory.EnumerateFiles(corpus.Root, "*", SearchOption.AllDirectories))
                {
                    using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
                    Parallel.ForEach(Lines(reader), options, local, (line, _, f) =>
                    {
                        using var json = JsonDocument.Parse(line.Text);
                        var root = json.RootElement;
                        f.Add(writer, Member(root, "id") ?? $"{file}:{line.Number}", Member(root, "title") ?? "", Member(root, "body") ?? "");
                        return f;
                    }, done);
                }
            }
            writer.Commit();
        }
        double seconds = clock.Elapsed.TotalSeconds;
        return new IndexChildResult(count, seconds, Measure.PeakWorkingSet(), Measure.SizeOnDisk(indexPath), $"{Environment.ProcessorCount} threads");
    }

    private static IEnumerable<(string Text, int Number)> Lines(StreamReader reader)
    {
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
                yield return (line, number);
        }
    }

    private static string? Member(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed class Fields
    {
        private readonly StringField _id = new("id", "", Field.Store.YES);
        private readonly TextField _title = new("title", "", Field.Store.YES);
        private readonly TextField _body = new("body", "", Field.Store.YES);
        private readonly Document _doc;
        public int Count;

        public Fields() => _doc = new Document { _id, _title, _body };

        public void Add(IndexWriter writer, string id, string title, string body)
        {
            _id.SetStringValue(id);
            _title.SetStringValue(title);
            _body.SetStringValue(body);
            writer.AddDocument(_doc);
            Count++;
        }
    }
}
