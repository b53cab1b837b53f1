// Stored-field compression schemes for one hit: bytes kept, compression speed, and the time to
// decode one document as a page of hits does (a chunked scheme decodes its chunk up to the
// document's end). Usage: dotnet run -c Release -- SEEDS_DIR (the repo's seeds/) NEWS_JSONL BBC_DIR GERMAN_CSV RUSSIAN_DIR
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using K4os.Compression.LZ4;

// The dictionary is trained on what the project may ship: the seed articles' titles and texts.
var seeds = Directory.EnumerateFiles(args[0], "*.csv").Order().SelectMany(SeedArticles).Select(Encoding.UTF8.GetBytes).ToList();
var sets = new List<(string Name, List<byte[]> Docs)>
{
    ("synthetic 20k (JSONL)", File.ReadLines(args[1]).Take(6000).Select(l => { using var j = JsonDocument.Parse(l); return Encoding.UTF8.GetBytes(j.RootElement.GetProperty("title").GetString() + "\u0001" + j.RootElement.GetProperty("body").GetString()); }).ToList()),
    ("BBC", Directory.EnumerateFiles(args[2], "*.txt", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList()),
    ("German (10kGNAD)", File.ReadLines(args[3]).Take(3000).Select(Encoding.UTF8.GetBytes).ToList()),
    ("Russian (FactRuEval)", Directory.EnumerateFiles(args[4], "*.txt", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList()),
};
byte[] dict = ZstdSharp.DictBuilder.TrainFromBuffer(seeds, 64 * 1024).ToArray();
Console.WriteLine($"dictionary: {dict.Length} B trained on {seeds.Count} seed articles ({seeds.Sum(s => s.Length) / 1e6:F2} MB)");
var output = new byte[1 << 22];
var deflate2 = new ZLibCompressionOptions { CompressionLevel = 2 };
byte[] Deflate(byte[] b) { var ms = new MemoryStream(); using (var d = new DeflateStream(ms, deflate2, true)) d.Write(b); return ms.ToArray(); }
int Inflate(byte[] c, int wanted) { using var d = new DeflateStream(new MemoryStream(c), CompressionMode.Decompress); return d.ReadAtLeast(output.AsSpan(0, wanted), wanted, false); }
byte[] Lz4(byte[] b, LZ4Level level) { var o = new byte[LZ4Codec.MaximumOutputSize(b.Length)]; return o[..LZ4Codec.Encode(b, o, level)]; }

Console.WriteLine("| corpus | scheme | stored ÷ raw | compress MB/s | decode µs per hit |");
Console.WriteLine("|---|---|--:|--:|--:|");
foreach (var (name, docs) in sets)
{
    long raw = docs.Sum(d => (long)d.Length);
    // Chunks as Lucene's writer closes them: at 8 KB or more; a hit decodes its chunk up to its document's end.
    var chunks = new List<(byte[] Bytes, List<int> Ends)>();
    var cur = new MemoryStream(); var ends = new List<int>();
    foreach (var d in docs) { cur.Write(d); ends.Add((int)cur.Length); if (cur.Length >= 8192) { chunks.Add((cur.ToArray(), ends)); cur = new MemoryStream(); ends = new List<int>(); } }
    if (cur.Length > 0) chunks.Add((cur.ToArray(), ends));
    var hits = chunks.SelectMany((c, i) => c.Ends.Select(e => (Chunk: i, End: e))).ToList();
    void Row<T>(string scheme, Func<T[]> compress, Func<int, int> decodeHit, int units, Func<long>? stored = null)
    {
        compress(); var sw = Stopwatch.StartNew(); var blocks = compress(); double cms = sw.Elapsed.TotalMilliseconds;
        long size = stored?.Invoke() ?? blocks.Sum(b => (long)((byte[])(object)b!).Length);
        for (int i = 0; i < units; i++) decodeHit(i);
        sw.Restart(); for (int r = 0; r < 3; r++) for (int i = 0; i < units; i++) decodeHit(i);
        Console.WriteLine($"| {name} | {scheme} | {(double)size / raw:F3} | {raw / cms / 1e3:F0} | {sw.Elapsed.TotalMicroseconds / (3 * units):F1} |");
    }
    byte[][] dc = null!;
    Row("deflate 2, 8 KB chunks (the ninth to twelfth stops)", () => dc = chunks.Select(c => Deflate(c.Bytes)).ToArray(), i => Inflate(dc[hits[i].Chunk], hits[i].End), hits.Count);
    // 4 KB chunks (the thirteenth stop), sliced as Lucene's writer slices them: a chunk of twice
    // the size or more is compressed in slices of the size, and a hit inflates slices up to its end.
    var small = new List<(byte[] Bytes, List<int> Ends)>();
    cur = new MemoryStream(); ends = new List<int>();
    foreach (var d in docs) { cur.Write(d); ends.Add((int)cur.Length); if (cur.Length >= 4096) { small.Add((cur.ToArray(), ends)); cur = new MemoryStream(); ends = new List<int>(); } }
    if (cur.Length > 0) small.Add((cur.ToArray(), ends));
    var smallHits = small.SelectMany((c, i) => c.Ends.Select(e => (Chunk: i, End: e))).ToList();
    byte[][][] ds = null!;
    Row("deflate 2, 4 KB chunks (this stop)", () => ds = small.Select(c => c.Bytes.Length < 8192 ? new[] { Deflate(c.Bytes) } : c.Bytes.Chunk(4096).Select(Deflate).ToArray()).ToArray(),
        i => { var slices = ds[smallHits[i].Chunk]; if (slices.Length == 1) return Inflate(slices[0], smallHits[i].End); int done = 0; for (int k = 0; done < smallHits[i].End; k++) done += Inflate(slices[k], Math.Min(4096, smallHits[i].End - done)); return done; }, smallHits.Count,
        () => ds.Sum(c => c.Sum(b => (long)b.Length)));
    byte[][] dd = null!;
    Row("deflate 2, a block per document", () => dd = docs.Select(Deflate).ToArray(), i => Inflate(dd[i], docs[i].Length), docs.Count);
    byte[][] lf = null!;
    Row("LZ4 fast, 8 KB chunks (Lucene's default)", () => lf = chunks.Select(c => Lz4(c.Bytes, LZ4Level.L00_FAST)).ToArray(), i => LZ4Codec.PartialDecode(lf[hits[i].Chunk], output.AsSpan(0, hits[i].End)), hits.Count);
    byte[][] lh = null!;
    Row("LZ4 HC 9, 8 KB chunks", () => lh = chunks.Select(c => Lz4(c.Bytes, LZ4Level.L09_HC)).ToArray(), i => LZ4Codec.PartialDecode(lh[hits[i].Chunk], output.AsSpan(0, hits[i].End)), hits.Count);
    foreach (int level in new[] { 1, 3 })
    {
        using var zc = new ZstdSharp.Compressor(level); var zd = new ZstdSharp.Decompressor();
        byte[][] z = null!;
        Row($"zstd {level}, a block per document", () => z = docs.Select(d => zc.Wrap(d).ToArray()).ToArray(), i => zd.Unwrap(z[i], output, 0), docs.Count);
        using var zcd = new ZstdSharp.Compressor(level); zcd.LoadDictionary(dict); var zdd = new ZstdSharp.Decompressor(); zdd.LoadDictionary(dict);
        byte[][] zk = null!;
        Row($"zstd {level} + seeds' dictionary, a block per document", () => zk = docs.Select(d => zcd.Wrap(d).ToArray()).ToArray(), i => zdd.Unwrap(zk[i], output, 0), docs.Count);
    }
}

// The Wikinews CSVs (url,date,title,text; RFC 4180 quoting): each record's title and text.
static IEnumerable<string> SeedArticles(string file)
{
    string text = File.ReadAllText(file);
    var fields = new List<string>();
    var field = new StringBuilder();
    bool quoted = false, header = true;
    for (int i = 0; i < text.Length; i++)
    {
        char c = text[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = false;
            else field.Append(c);
        }
        else if (c == '"') quoted = true;
        else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
        else if (c == '\n' || i == text.Length - 1)
        {
            if (c != '\n') field.Append(c);
            fields.Add(field.ToString().TrimEnd('\r')); field.Clear();
            if (!header && fields.Count == 4) yield return fields[2] + "\u0001" + fields[3];
            header = false;
            fields.Clear();
        }
        else field.Append(c);
    }
}
