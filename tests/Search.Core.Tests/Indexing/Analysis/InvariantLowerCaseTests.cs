using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Indexing.Analysis;

public sealed class InvariantLowerCaseTests
{
    [Fact]
    public void A_capital_dotted_I_is_found_by_the_word_typed_in_lower_or_upper_case_in_English_and_German_articles()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "en.txt"),
            "Storm closes İstanbul airport\n\nFlights out of İstanbul and İzmir were cancelled on Monday as the storm reached the coast, " +
            "the airport operator said, and passengers were told to check with their airlines before travelling.\n");
        File.WriteAllText(Path.Combine(root, "de.txt"),
            "Sturm in der Türkei\n\nDer Flughafen von İzmir wurde am Montag wegen des Sturms geschlossen, teilte der Betreiber mit. " +
            "Die Reisenden sollen sich bei ihren Fluggesellschaften erkundigen, bevor sie zum Flughafen fahren.\n");
        string index = Path.Combine(dir.Path, "index");
        RunBuild(new BuildOptions { Roots = [root], IndexPath = index });

        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal("de", searcher.Get("de.txt")!.Language);
        string Found(string query) => string.Join(",", searcher.Search(new SearchRequest { Query = query }).Hits.Select(h => h.Id).Order());
        Assert.Equal("en.txt", Found("istanbul"));
        Assert.Equal("en.txt", Found("Istanbul"));
        Assert.Equal("en.txt", Found("İstanbul"));
        Assert.Equal("en.txt", Found("\"istanbul airport\""));
        Assert.Equal("de.txt,en.txt", Found("izmir"));
        Assert.Equal("de.txt,en.txt", Found("İZMİR"));
    }
}
