using System.Text.Json;
using Search.Cli.Tests.Support;
using Xunit;

namespace Search.Cli.Tests.Commands;

/// <summary>`search index --date-order`: all-number dates are read in the order given, unambiguous
/// ones and Unix times always, ambiguous ones never guessed.</summary>
public sealed class DateOrderTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private string Dir => _tmp.Path;

    public DateOrderTests()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "in"));
        File.WriteAllText(Path.Combine(Dir, "in", "feed.csv"),
            "id,title,body,date\n" +
            "a,Ambiguous,One.,03/04/2021\n" +
            "b,Day first,Two.,13/04/2021\n" +
            "c,Unix,Three.,1546596000\n");
    }

    private Dictionary<string, string?> Dates(params string[] options)
    {
        string index = Path.Combine(Dir, "index-" + string.Join("", options).Replace("-", ""));
        var build = SearchCli.InProcess(new[] { "index", Path.Combine(Dir, "in"), "--index", index, "--quiet" }.Concat(options).ToArray());
        Assert.Equal(0, build.Code);
        var json = JsonDocument.Parse(SearchCli.InProcess("query", "*", "--index", index, "--json").Out).RootElement;
        return json.GetProperty("hits").EnumerateArray().ToDictionary(h => h.GetProperty("id").GetString()!, h => h.GetProperty("published").GetString());
    }

    [Fact]
    public void Dates_follow_the_order_given_and_are_never_guessed()
    {
        var none = Dates();
        Assert.Null(none["a"]);
        Assert.Equal("2021-04-13", none["b"]);
        Assert.Equal("2019-01-04", none["c"]);
        Assert.Equal("2021-03-04", Dates("--date-order", "mdy")["a"]);
        Assert.Equal("2021-04-03", Dates("--date-order", "dmy")["a"]);
    }

    [Fact]
    public void An_unknown_order_is_a_usage_error()
    {
        var run = SearchCli.InProcess("index", Path.Combine(Dir, "in"), "--index", Path.Combine(Dir, "x"), "--date-order", "ymd");
        Assert.Equal(2, run.Code);
        Assert.Contains("--date-order must be mdy", run.Err);
    }

    public void Dispose() => _tmp.Dispose();
}
