using System.Net;
using System.Text.Json.Nodes;
using Search.Web.Tests.Support;
using Xunit;

namespace Search.Web.Tests.Web;

/// <summary>The API in memory on an index of seeds/ plus the test articles: the same JSON as the CLI,
/// filters and facets, articles, copies, related, stats.</summary>
[Collection(WebCorpusCollection.Name)]
public sealed class ApiEndpointsTests(WebCorpus corpus) : IAsyncLifetime
{
    private InMemoryServer _server = null!;

    public async Task InitializeAsync() => _server = await InMemoryServer.Start(corpus.IndexPath);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonNode> Get(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _server.Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonNode.Parse(body)!;
    }

    /// <summary>took_ms is the one field two runs of the same query may not share.</summary>
    private static string WithoutTiming(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("took_ms");
        return node.ToJsonString();
    }

    [Theory]
    [InlineData("election", new[] { "--facet", "source", "--facet", "place" }, "q=election&facet=source&facet=place")]
    [InlineData("election", new[] { "--filter", "place=United States", "--facet", "place", "--sort", "newest", "--offset", "5", "--limit", "3" },
        "q=election&filter=place%3DUnited%20States&facet=place&sort=newest&offset=5&limit=3")]
    [InlineData("\"prime minister\" OR coronavirus", new[] { "--facet", "year,month" }, "q=%22prime%20minister%22%20OR%20coronavirus&facet=year,month")]
    [InlineData("elction", new string[0], "q=elction")]
    public async Task Search_answers_exactly_what_search_query_json_prints(string query, string[] cliOptions, string apiQuery)
    {
        var cli = SearchCli.InProcess(new[] { "query", query, "--json", "--index", corpus.IndexPath }.Concat(cliOptions).ToArray());
        Assert.Equal(0, cli.Code);
        var response = await _server.Client.GetStringAsync("/api/search?" + apiQuery);
        Assert.Equal(WithoutTiming(cli.Out), WithoutTiming(response));
        var r = JsonNode.Parse(response)!;
        Assert.True(r["hits"]!.AsArray().Count > 0 || r["suggestion"]?.GetValue<string>() == "election", response);
    }

    [Fact]
    public async Task An_article_is_what_search_show_json_prints()
    {
        var cli = SearchCli.InProcess("show", "wikinews_2020.csv#44", "--json", "--index", corpus.IndexPath);
        Assert.Equal(0, cli.Code);
        string api = await _server.Client.GetStringAsync("/api/articles/wikinews_2020.csv%2344");
        Assert.Equal(cli.Out.TrimEnd(), api.TrimEnd());
    }

    [Fact]
    public async Task Stats_are_what_search_stats_json_prints()
    {
        var cli = SearchCli.InProcess("stats", "--json", "--index", corpus.IndexPath);
        string api = await _server.Client.GetStringAsync("/api/stats");
        Assert.Equal(cli.Out.TrimEnd(), api.TrimEnd());
        Assert.Equal(299, JsonNode.Parse(api)!["documents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Values_selected_in_a_dimension_keep_the_others_countable()
    {
        var all = await Get("/api/search?q=valparaiso&facet=source&collapse=false");
        Assert.Equal(2, all["total"]!.GetValue<int>());
        var one = await Get("/api/search?q=valparaiso&facet=source&collapse=false&filter=source%3Dalpha.example");
        Assert.Equal(1, one["total"]!.GetValue<int>());
        Assert.Equal("copy-a", one["hits"]![0]!["id"]!.GetValue<string>());
        var sources = one["facets"]!["source"]!.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["selected"]!.GetValue<bool>());
        Assert.True(sources["alpha.example"]);
        Assert.False(sources["beta.example"]);
        var both = await Get("/api/search?q=valparaiso&collapse=false&filter=source%3Dalpha.example&filter=source%3Dbeta.example");
        Assert.Equal(2, both["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Copies_of_a_story_are_listed_and_collapsed_in_results()
    {
        var collapsed = await Get("/api/search?q=valparaiso");
        Assert.Equal(1, collapsed["total"]!.GetValue<int>());
        Assert.Equal(2, collapsed["hits"]![0]!["copies"]!.GetValue<int>());
        string shown = collapsed["hits"]![0]!["id"]!.GetValue<string>();
        var copies = await Get($"/api/articles/{shown}/copies");
        var ids = copies["copies"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(new[] { shown == WebCorpus.CopyA ? WebCorpus.CopyB : WebCorpus.CopyA }, ids);
        var single = await Get("/api/articles/wikinews_2020.csv%2344/copies");
        Assert.Empty(single["copies"]!.AsArray());
    }

    [Fact]
    public async Task Copies_of_each_article_are_its_story_in_search_duplicates_less_itself()
    {
        var cli = SearchCli.InProcess("duplicates", "--json", "--index", corpus.IndexPath);
        Assert.Equal(0, cli.Code);
        var stories = JsonNode.Parse(cli.Out)!["stories"]!.AsArray();
        Assert.NotEmpty(stories);
        foreach (var story in stories)
        {
            var members = story!["members"]!.AsArray().Select(m => m!.ToJsonString()).ToList();
            foreach (var member in story["members"]!.AsArray())
            {
                string id = member!["id"]!.GetValue<string>();
                var copies = await Get("/api/articles/" + Uri.EscapeDataString(id) + "/copies");
                Assert.Equal(story["cluster"]!.GetValue<string>(), copies["cluster"]!.GetValue<string>());
                Assert.Equal(members.Where(m => m != member.ToJsonString()), copies["copies"]!.AsArray().Select(c => c!.ToJsonString()));
            }
        }
    }

    [Fact]
    public async Task Related_articles_leave_the_article_and_its_copies_out()
    {
        var related = await Get("/api/articles/wikinews_2020.csv%2344/related?limit=5");
        var ids = related["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(ids);
        Assert.True(ids.Count <= 5);
        Assert.DoesNotContain("wikinews_2020.csv#44", ids);
        var cli = SearchCli.InProcess("related", "wikinews_2020.csv#44", "--limit", "5", "--json", "--index", corpus.IndexPath);
        var cliIds = JsonNode.Parse(cli.Out)!["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(cliIds, ids);
    }

    [Fact]
    public async Task Facet_values_of_one_dimension_follow_query_and_filters()
    {
        var years = await Get("/api/facets/year?q=election&limit=100");
        var counts = years["values"]!.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());
        var search = await Get("/api/search?q=election&facet=year&facet_limit=100&limit=0");
        var expected = search["facets"]!["year"]!.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());
        Assert.Equal(expected, counts);
        // Undated articles are in the total, in no year.
        Assert.InRange(counts.Values.Sum(), search["total"]!.GetValue<int>() - 5, search["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_article_view_marks_the_query_words_in_the_whole_text()
    {
        var lit = await Get("/api/articles/hostile-1/highlighted?q=zeppelin");
        string body = lit["body"]!.GetValue<string>();
        Assert.Contains("<mark>zeppelin</mark>", body);
        Assert.Equal(2, body.Split("<mark>").Length - 1);
        // The article's own markup is text, passed through for the page to escape.
        Assert.Contains("<script>alert(2)</script>", body);
        Assert.Equal(WebCorpus.HostileTitle, lit["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_description_lists_every_api_route()
    {
        var paths = (await Get("/api/openapi.json"))["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        var routes = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)_server.Server.App).DataSources
            .SelectMany(d => d.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Where(r => r.StartsWith("/api/")).ToHashSet();
        Assert.True(routes.Count >= 8, string.Join(", ", routes));
        Assert.Equal(routes.Order(), paths.Order());
    }

    [Fact]
    public async Task The_page_and_its_assets_come_from_inside_the_program_with_a_strict_policy()
    {
        var page = await _server.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.ToString());
        string csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<label for=\"q\"", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html);
        foreach (string asset in new[] { "app.js", "app.css", "favicon.svg" })
            Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync("/assets/" + asset)).StatusCode);
        var openapi = await Get("/api/openapi.json");
        Assert.NotNull(openapi["paths"]!["/api/search"]);
    }
}
