using Search.Core.Indexing;
using Search.Core.Ingest;
using Search.Core.Querying;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Indexing.Writing.BuildTestKit;

namespace Search.Core.Tests.Ingest;

public sealed class ComposedLettersTests
{
    [Fact]
    public void Combining_accents_join_their_letters_and_ligatures_are_spelt_out()
    {
        Assert.Equal("café crème", ComposedLetters.Of("cafe\u0301 cre\u0300me"));
        Assert.Equal("München über", ComposedLetters.Of("Mu\u0308nchen u\u0308ber"));
        Assert.Equal("й", ComposedLetters.Of("и\u0306"));
        Assert.Equal("financial staffing flat profits", ComposedLetters.Of("\uFB01nancial sta\uFB03ng \uFB02at pro\uFB01ts"));
        Assert.Single(ComposedLetters.Of("e\u0301"));
    }

    [Fact]
    public void Text_already_composed_is_the_same_instance_and_compatibility_forms_that_read_differently_stay()
    {
        string composed = "Déjà vu in Zürich, Ёлка, 漢字, x² and ½, ＡＢＣ.";
        Assert.Same(composed, ComposedLetters.Of(composed));
        string ascii = "Plain text";
        Assert.Same(ascii, ComposedLetters.Of(ascii));
    }

    [Fact]
    public void Decomposed_and_ligature_text_is_stored_composed_and_found_by_words_typed_either_way()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "archive");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "cafe.txt"),
            "Cafe\u0301 society returns\n\nThe cafe\u0301 on the corner reopened after the storm, and its cre\u0300me bru\u0302le\u0301e sold out by noon.\n");
        File.WriteAllText(Path.Combine(root, "results.txt"),
            "Quarterly \uFB01nancial results\n\nThe \uFB01rm reported \uFB02at pro\uFB01ts and a sta\uFB03ng freeze for the \uFB01scal year.\n");
        File.WriteAllText(Path.Combine(root, "muenchen.txt"),
            "U\u0308ber die Lage in Mu\u0308nchen\n\nDie Stadtverwaltung in Mu\u0308nchen hat am Montag u\u0308ber die Lage der o\u0308ffentlichen " +
            "Verkehrsmittel berichtet. Die Bu\u0308rger sind unzufrieden mit den Verspa\u0308tungen der Straßenbahn und der U-Bahn, " +
            "und die Stadt will die Fahrpläne für den Winter ändern.\n");
        string index = Path.Combine(dir.Path, "index");
        RunBuild(new BuildOptions { Roots = [root], IndexPath = index });

        using var searcher = ArticleSearcher.Open(index);
        Assert.Equal("Café society returns", searcher.Get("cafe.txt")!.Title);
        Assert.Equal("Quarterly financial results", searcher.Get("results.txt")!.Title);
        var muenchen = searcher.Get("muenchen.txt")!;
        Assert.Equal("Über die Lage in München", muenchen.Title);
        Assert.Equal("de", muenchen.Language);

        string Found(string query) => string.Join(",", searcher.Search(new SearchRequest { Query = query }).Hits.Select(h => h.Id));
        Assert.Equal("cafe.txt", Found("café"));
        Assert.Equal("cafe.txt", Found("cafe\u0301"));
        Assert.Equal("cafe.txt", Found("\"crème brûlée\""));
        Assert.Equal("results.txt", Found("financial staffing"));
        Assert.Equal("results.txt", Found("\uFB01scal"));
        Assert.Equal("muenchen.txt", Found("München Bürger"));
        Assert.Equal("muenchen.txt", Found("Mu\u0308nchen"));
    }
}
