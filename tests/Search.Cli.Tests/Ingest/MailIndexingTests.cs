using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Ingest;

/// <summary>`search index` over a saved message with attachments (the Core tests' fixture: a press
/// officer's message with a report as PDF, a statement as Word, a note and a forwarded message), as
/// docs/usage.md's "E-mail" describes it: each attachment an article of its own, kept in step with
/// the message on every re-run.</summary>
public sealed class MailIndexingTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static JsonElement Summary(SearchCli.Run build)
    {
        Assert.Equal(0, build.Code);
        using var json = JsonDocument.Parse(build.Out);
        return json.RootElement.Clone();
    }

    [Fact]
    public void An_attachment_is_found_by_its_own_words_under_its_messages_id_and_goes_when_the_message_drops_it()
    {
        string root = Path.Combine(_tmp.Path, "mail");
        Directory.CreateDirectory(root);
        string message = Path.Combine(root, "leak.eml");
        File.Copy(Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Mail/Fixture/leak.eml"), message);
        string index = Path.Combine(_tmp.Path, "index");
        var first = Summary(SearchCli.InProcess("index", root, "--index", index, "--json"));
        Assert.Equal(7, first.GetProperty("articles_added").GetInt32());
        Assert.Empty(first.GetProperty("skipped").EnumerateArray());

        // "1846" (patients taken to hospital) is printed only in the attached report.
        var query = SearchCli.InProcess("query", "1846", "--index", index, "--json");
        using (var result = JsonDocument.Parse(query.Out))
        {
            var hit = Assert.Single(result.RootElement.GetProperty("hits").EnumerateArray().ToList());
            Assert.Equal("leak.eml/measles report.pdf", hit.GetProperty("id").GetString());
            Assert.Equal("Samoan government ends state of emergency over measles outbreak", hit.GetProperty("title").GetString());
        }

        var again = Summary(SearchCli.InProcess("index", root, "--index", index, "--json"));
        Assert.Equal((0, 0, 0), (again.GetProperty("articles_added").GetInt32(), again.GetProperty("articles_updated").GetInt32(), again.GetProperty("articles_removed").GetInt32()));

        // The message saved again without the report: its article goes, the others stay as they were.
        string text = File.ReadAllText(message);
        string boundary = "--" + text.Split("boundary=\"")[1].Split('"')[0];
        int start = text.IndexOf(boundary + "\nContent-Type: application/pdf", StringComparison.Ordinal);
        int end = text.IndexOf(boundary, start + boundary.Length, StringComparison.Ordinal);
        File.WriteAllText(message, text[..start] + text[end..]);
        var dropped = Summary(SearchCli.InProcess("index", root, "--index", index, "--json"));
        Assert.Equal((0, 0, 1, 6), (dropped.GetProperty("articles_added").GetInt32(), dropped.GetProperty("articles_updated").GetInt32(),
            dropped.GetProperty("articles_removed").GetInt32(), dropped.GetProperty("articles_unchanged").GetInt32()));
        using var none = JsonDocument.Parse(SearchCli.InProcess("query", "1846", "--index", index, "--json").Out);
        Assert.Empty(none.RootElement.GetProperty("hits").EnumerateArray());
    }
}
