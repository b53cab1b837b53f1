using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>Every record accounted for, as users meet it: bad records listed by `index` and
/// `stats` until fixed, CSV exports as spreadsheets write them, damaged indexes refused by
/// queries, and nothing written when nothing could be read.</summary>
public sealed class RecordsAccountedTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private string Dir => _tmp.Path;

    public void Dispose() => _tmp.Dispose();

    private string Write(string relative, string text)
    {
        string full = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    [Fact]
    public void Bad_records_are_listed_by_every_later_index_and_stats_run_until_fixed()
    {
        Write("in/odd.csv", "id,title,body\n1,One,one\n2,\"Two,never closed\n3,Berlin,a row in berlin\n");
        Write("in/feed.jsonl", "{\"title\":\"f1\",\"body\":\"feed one\"}\n{\"title\":\"f2\",\n");
        string root = Path.Combine(Dir, "in"), index = Path.Combine(Dir, "idx");
        var first = SearchCli.InProcess("index", root, "--index", index);
        Assert.Equal(0, first.Code);
        Assert.Contains("2 bad records skipped", first.Out);
        Assert.Equal(0, SearchCli.InProcess("query", "berlin", "--index", index).Code);
        Assert.Contains("Berlin", SearchCli.InProcess("query", "berlin", "--index", index).Out);

        var again = SearchCli.InProcess("index", "--index", index);
        Assert.Contains("2 bad records skipped", again.Out);
        Assert.Contains("odd.csv:3: unbalanced quote", again.Out);
        Assert.Contains("feed.jsonl:2: invalid JSON", again.Out);

        var stats = SearchCli.InProcess("stats", "--index", index);
        Assert.Contains("odd.csv:3: unbalanced quote", stats.Out);
        var json = SearchCli.InProcess("stats", "--index", index, "--json");
        using (var doc = JsonDocument.Parse(json.Out))
        {
            Assert.Equal("complete", doc.RootElement.GetProperty("build").GetString());
            Assert.Equal(["feed.jsonl", "odd.csv"], doc.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetProperty("file").GetString()).Order());
        }

        File.WriteAllText(Path.Combine(root, "odd.csv"), "id,title,body\n1,One,one\n2,Two,two\n3,Berlin,a row in berlin\n");
        var fixedRun = SearchCli.InProcess("index", "--index", index, "--json");
        using (var doc = JsonDocument.Parse(fixedRun.Out))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("files_indexed").GetInt32());
            Assert.Equal(["feed.jsonl"], doc.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetProperty("file").GetString()));
        }
    }

    [Fact]
    public void A_file_of_only_bad_records_is_counted_with_the_skipped_files_not_the_indexed_ones()
    {
        Write("in/good.csv", "id,title,body\n1,One,one\n2,\"Two,never closed\n");
        Write("in/bad.csv", "id,title,body\n1,\"One,never closed\n");
        var run = SearchCli.InProcess("index", Path.Combine(Dir, "in"), "--index", Path.Combine(Dir, "idx"));
        Assert.Equal(0, run.Code);
        Assert.Contains("2 scanned, 1 indexed, 0 unchanged, 0 ignored, 1 skipped", run.Out);
        Assert.Contains("Skipped: 1 file skipped; 1 bad record skipped in 1 file indexed without it", run.Out);
        Assert.Contains("bad.csv: no articles: its only record is bad (below)", run.Out);
    }

    [Fact]
    public void One_bad_record_in_each_format_costs_only_itself_and_stays_listed_until_its_file_is_fixed()
    {
        Write("mix/rows.csv", "id,title,body\nc1,Harbour one,harbour text one\nc2,\"Broken,never closed\nc3,Harbour three,harbour text three\n");
        Write("mix/array.json", "[{\"id\":\"j1\",\"title\":\"Harbour four\",\"body\":\"harbour text four\"},\n{\"id\":\"j2\",\"title\": nope},\n{\"id\":\"j3\",\"title\":\"Harbour six\",\"body\":\"harbour text six\"}]\n");
        Write("mix/feed.jsonl", "{\"id\":\"l1\",\"title\":\"Harbour seven\",\"body\":\"harbour text seven\"}\n{\"id\":\"l2\",\n{\"id\":\"l3\",\"title\":\"Harbour nine\",\"body\":\"harbour text nine\"}\n");
        Write("mix/good.txt", "Harbour ten\n\nThe harbour text ten.");
        Write("mix/empty.txt", "");
        Write("mix/page.html", "<html><head><title>Harbour eleven</title></head><body><article><h1>Harbour eleven</h1><p>"
            + string.Concat(Enumerable.Repeat("The harbour reopened after the storm and ships came back to the quay. ", 8)) + "</p></article></body></html>");
        Write("mix/shell.html", "<html><head><title>Advertisement</title></head><body><div>Advertisement</div></body></html>");
        File.WriteAllBytes(Path.Combine(Dir, "mix", "report.pdf"), ArticlePdf.Build());
        File.WriteAllBytes(Path.Combine(Dir, "mix", "torn.pdf"), "%PDF-1.4\nnot really a pdf"u8.ToArray());
        string root = Path.Combine(Dir, "mix"), index = Path.Combine(Dir, "idx");

        var first = SearchCli.InProcess("index", root, "--index", index, "--json");
        Assert.Equal(0, first.Code);
        string[] bad;
        using (var doc = JsonDocument.Parse(first.Out))
        {
            // Every good record: 2 CSV rows, 2 array objects, 2 JSON lines, 1 text, 1 page, 1 PDF.
            Assert.True(doc.RootElement.GetProperty("documents_in_index").GetInt32() == 9, first.Out);
            bad = doc.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetProperty("file").GetString()!).Order().ToArray();
        }
        Assert.Equal(["array.json", "empty.txt", "feed.jsonl", "rows.csv", "shell.html", "torn.pdf"], bad.Select(Path.GetFileName));
        // Every good record but the PDF (its own text) is about the harbour.
        Assert.Equal(8, JsonDocument.Parse(SearchCli.InProcess("query", "harbour", "--index", index, "--json", "--no-collapse").Out).RootElement.GetProperty("total").GetInt32());

        // The index keeps the list: stats and the next run name exactly the same files.
        using (var stats = JsonDocument.Parse(SearchCli.InProcess("stats", "--index", index, "--json").Out))
            Assert.Equal(bad, stats.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetProperty("file").GetString()!).Order());

        // Fixing one file re-reads it (and the files that yield no article, which are always tried again); the list shrinks by it.
        Write("mix/rows.csv", "id,title,body\nc1,Harbour one,harbour text one\nc2,Harbour two,harbour text two\nc3,Harbour three,harbour text three\n");
        using (var again = JsonDocument.Parse(SearchCli.InProcess("index", "--index", index, "--json").Out))
        {
            Assert.Equal(1, again.RootElement.GetProperty("articles_added").GetInt32());
            Assert.Equal(0, again.RootElement.GetProperty("articles_updated").GetInt32());
            Assert.Equal(bad.Where(f => Path.GetFileName(f) != "rows.csv"),
                again.RootElement.GetProperty("skipped").EnumerateArray().Select(e => e.GetProperty("file").GetString()!).Order());
        }
    }

    [Fact]
    public void A_semicolon_csv_with_a_bom_indexes_by_itself_and_a_headerless_one_is_refused_saying_how()
    {
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(Dir, "semi")).FullName, "export.csv"),
            [0xEF, 0xBB, 0xBF, .. "id;title;body\r\nx1;Zürich;Ein Text über den See\r\n"u8]);
        var semi = SearchCli.InProcess("index", Path.Combine(Dir, "semi"), "--index", Path.Combine(Dir, "i1"));
        Assert.Equal(0, semi.Code);
        Assert.Contains("1 article", semi.Out);

        Write("raw/news.csv", "Sport;'" + new string('x', 3000) + "'\nKultur;'y'\n");
        var refused = SearchCli.InProcess("index", Path.Combine(Dir, "raw"), "--index", Path.Combine(Dir, "i2"));
        Assert.Equal(1, refused.Code);
        Assert.Contains("--csv-columns", refused.Out);
        Assert.True(refused.Out.Length < 2000, "the whole first record was printed");
        Assert.False(Directory.Exists(Path.Combine(Dir, "i2")), "nothing to index must write no index");
        Assert.Contains("no index was written", refused.Err);

        var read = SearchCli.InProcess("index", Path.Combine(Dir, "raw"), "--index", Path.Combine(Dir, "i2"), "--csv-columns", "section,body");
        Assert.Equal(0, read.Code);
        Assert.Contains("2 articles", read.Out);
        Assert.Equal(2, SearchCli.InProcess("index", Path.Combine(Dir, "raw"), "--index", Path.Combine(Dir, "i3"), "--csv-columns", "label,body").Code);
    }

    [SharedFact]
    public void The_german_news_csv_indexes_all_1028_articles_with_csv_columns()
    {
        string corpus = SharedCorpus.Path("corpora", "multilingual", "de-10kgnad");
        var run = SearchCli.InProcess("index", corpus, "--index", Path.Combine(Dir, "de"), "--csv-columns", "section,body", "--json", "--stemmer", "none");
        Assert.True(run.Code == 0, run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(1028, doc.RootElement.GetProperty("articles_added").GetInt32());
        Assert.Empty(doc.RootElement.GetProperty("skipped").EnumerateArray());
    }

    [Fact]
    public void A_damaged_index_is_refused_by_query_with_one_line_pointing_at_check()
    {
        string index = Path.Combine(Dir, "idx");
        Assert.Equal(0, SearchCli.InProcess("index", RepoPaths.Seeds, "--index", index, "--quiet").Code);
        Assert.Equal(0, SearchCli.InProcess("query", "election", "--index", index).Code);
        foreach (string cfs in Directory.GetFiles(index, "*.fdt")) // stored fields, in every segment
        {
            var bytes = File.ReadAllBytes(cfs);
            for (int i = 200; i < bytes.Length - 200; i += 997) bytes[i] ^= 0x5A;
            File.WriteAllBytes(cfs, bytes);
        }
        foreach (var args in new[] { new[] { "query", "election" }, new[] { "stats" }, new[] { "console" } })
        {
            var refused = SearchCli.InProcess([.. args, "--index", index]);
            Assert.Equal(1, refused.Code);
            Assert.Contains("is damaged", refused.Err);
            Assert.Contains("search check", refused.Err);
            Assert.Single(refused.Err.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", refused.Err);
        }
        var check = SearchCli.InProcess("check", "--index", index);
        Assert.Equal(1, check.Code);
        Assert.Contains("fails its checksum", check.Out);
        Assert.Contains("would drop", check.Out);
    }
}
