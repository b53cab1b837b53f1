using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Ingest;

/// <summary>`search index` over a press office's folder of RTF: an <c>.rtf</c>, Word's RTF saved
/// as <c>.doc</c>, an old binary <c>.doc</c> (not read, not a problem) and a <c>.rtf</c> that is
/// not RTF (skipped with the reason).</summary>
public sealed class RtfIndexingTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Rtf_files_and_rtf_saved_as_doc_are_indexed_and_found()
    {
        string input = Path.Combine(_tmp.Path, "in"), index = Path.Combine(_tmp.Path, "index");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "release.rtf"), """
            {\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fcharset204 Times New Roman;}}{\info{\title Harbour reopens}{\author Maria Keller}}
            {\header Press office\par}\pard Harbour reopens\par\pard The harbour reopened to ferries on Monday, the port authority\rquote s spokesman said in \'cc\'ee\'f1\'ea\'e2\'e0.\par}
            """);
        File.WriteAllText(Path.Combine(input, "statement.doc"), """
            {\rtf1\ansi{\stylesheet{\s1 heading 1;}}\pard\s1 Ferry timetable\par\pard\plain The old ferry keeps running every twenty minutes.\par}
            """);
        File.WriteAllBytes(Path.Combine(input, "old-word.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
        File.WriteAllText(Path.Combine(input, "broken.rtf"), "Not RTF at all.");

        var build = SearchCli.InProcess("index", input, "--index", index, "--json");
        Assert.Equal(0, build.Code);
        using (var summary = JsonDocument.Parse(build.Out))
        {
            Assert.Equal(2, summary.RootElement.GetProperty("articles_added").GetInt32());
            // The binary .doc goes to the Word 97-2003 reader, which finds it cut short.
            var skipped = summary.RootElement.GetProperty("skipped").EnumerateArray()
                .ToDictionary(s => s.GetProperty("file").GetString()!, s => s.GetProperty("reason").GetString()!);
            Assert.Equal(["broken.rtf", "old-word.doc"], skipped.Keys.Order());
            Assert.StartsWith("not RTF", skipped["broken.rtf"]);
            Assert.StartsWith("damaged or unreadable Word 97-2003 document", skipped["old-word.doc"]);
        }

        var release = Show(index, "release.rtf");
        Assert.Equal("Harbour reopens", release.GetProperty("title").GetString());
        Assert.Equal("Maria Keller", release.GetProperty("author").GetString());
        Assert.Equal("The harbour reopened to ferries on Monday, the port authority’s spokesman said in Москва.", release.GetProperty("body").GetString());
        Assert.Equal("Ferry timetable", Show(index, "statement.doc").GetProperty("title").GetString());

        var query = SearchCli.InProcess("query", "ferry", "--index", index, "--json");
        Assert.Equal(0, query.Code);
        using var hits = JsonDocument.Parse(query.Out);
        Assert.Equal(["release.rtf", "statement.doc"], hits.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).Order());
    }

    private static JsonElement Show(string index, string id)
    {
        var run = SearchCli.InProcess("show", id, "--index", index, "--json");
        Assert.Equal(0, run.Code);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }
}
