using System.Text.Json;
using Search.Benchmarks.Extraction;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Core.Ingest.Pdf;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Ingest;

/// <summary>Extraction on the shared test sets (shared/corpora/extraction): one file quickly, and
/// the issue's targets over whole sets behind SEARCH_LONG_TESTS (they take about a minute).</summary>
public class ExtractionCorpusTests
{
    private static string Set(string name) => SharedCorpus.Path("corpora", "extraction", name);

    [SharedFact]
    public void ATwoColumnWikinewsPdfReadsAsItsArticle()
    {
        string dir = Set("pdf-wikinews");
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "truth.json"))).RootElement;
        string file = "02-nancy-pelosi-again-elected-speaker-as-116th-u-s.pdf";
        var expected = truth.GetProperty(file);
        ExtractedPdf pdf = PdfExtractor.Extract(File.ReadAllBytes(Path.Combine(dir, file)));
        Assert.Null(pdf.Problem);
        Assert.Equal(expected.GetProperty("title").GetString(), pdf.Title);
        Assert.Equal(expected.GetProperty("date").GetString(), pdf.Published);
        // Compared as the metric's tokens: the PDF prints typographic apostrophes where the truth has straight ones.
        string[] paragraphs = expected.GetProperty("body").GetString()!.Split("\n\n");
        List<string> body = ShingleMetric.Tokens(pdf.Body), first = ShingleMetric.Tokens(paragraphs[0]);
        // The last sentence runs on from page 1 to page 2, under page 2's running header. (Its
        // "re-elected", split at the hyphen, reads "reelected": the known limit of de-hyphenation.)
        List<string> end = ShingleMetric.Tokens(paragraphs[^1]).TakeLast(6).ToList();
        Assert.Equal(first, body.Take(first.Count));
        Assert.Equal(end, body.TakeLast(end.Count));
        foreach (string running in (string[])["Page 1", "Page 2", "en.wikinews.org", "CC BY 2.5"])
            Assert.DoesNotContain(running, pdf.Body);
    }

    /// <summary>Issue 22: a web page printed to PDF keeps its article and drops the page around it.
    /// Here the reading order puts the article's first paragraphs before its headline (the page's
    /// blocks sit side by side), and menus, share buttons and headline lists are links.</summary>
    [SharedFact]
    public void APrintedWebPageReadsAsItsArticleWithoutTheLinksAroundIt()
    {
        string id = "34a7328535ad4e60b059f81d37eec5d25c2bc8de759ce9a7b5e47ac7dc6fd1b0";
        string file = Path.Combine(Set("aeb-pdf"), id + ".pdf");
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Set("aeb"), "ground-truth.json"))).RootElement;
        string expected = truth.GetProperty(id).GetProperty("articleBody").GetString()!;
        ExtractedPdf pdf = PdfExtractor.Extract(File.ReadAllBytes(file));
        Assert.Equal("Nollywood Actress, Kate Henshaw Is Looking Stunning In New Photos", pdf.Title);
        Assert.StartsWith("Photos which were released online", pdf.Body, StringComparison.Ordinal);
        foreach (string around in (string[])["Married Woman Caught", "VKontakte", "Privacy & Policy", "YOU MAY LIKE THESE POSTS"])
            Assert.DoesNotContain(around, pdf.Body, StringComparison.Ordinal);
        ShingleMetric.Counts counts = ShingleMetric.Compare(expected, pdf.Body);
        Assert.True(ShingleMetric.PrecisionOf(counts) >= 0.9 && ShingleMetric.RecallOf(counts) >= 0.9, pdf.Body);
    }

    /// <summary>Issue 22: reader comments are prose too, but not the article: a printed blog post
    /// ends where its comment section begins ("Comments", "Alex on September 17, 2018 at 6:34 am
    /// said:"); a site's cookie notice printed under a review is not part of it.</summary>
    [SharedFact]
    public void APrintedPageEndsWhereItsCommentsBeginAndItsCookieNoticeIsNotProse()
    {
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Set("aeb"), "ground-truth.json"))).RootElement;
        string blog = "ac3c035520461017a7c5b248d8e39ef063cad4c0c7d7b7ecd68aff8f15099485";
        ExtractedPdf post = PdfExtractor.Extract(File.ReadAllBytes(Path.Combine(Set("aeb-pdf"), blog + ".pdf")));
        Assert.StartsWith("Our goal with hosting quarterly open threads", post.Body, StringComparison.Ordinal);
        foreach (string comment in (string[])["said:", "Any update on how the Blattman", "Hi Milan"])
            Assert.DoesNotContain(comment, post.Body, StringComparison.Ordinal);
        ShingleMetric.Counts counts = ShingleMetric.Compare(truth.GetProperty(blog).GetProperty("articleBody").GetString()!, post.Body);
        Assert.True(ShingleMetric.PrecisionOf(counts) >= 0.8 && ShingleMetric.RecallOf(counts) >= 0.95, post.Body);

        string review = "30b771a40a4e96156d398716c877deef54b05d091770d2717c98e4c6b670010c";
        ExtractedPdf kit = PdfExtractor.Extract(File.ReadAllBytes(Path.Combine(Set("aeb-pdf"), review + ".pdf")));
        Assert.DoesNotContain("uses cookies", kit.Body, StringComparison.Ordinal);
        counts = ShingleMetric.Compare(truth.GetProperty(review).GetProperty("articleBody").GetString()!, kit.Body);
        Assert.True(ShingleMetric.PrecisionOf(counts) >= 0.9 && ShingleMetric.RecallOf(counts) >= 0.85, kit.Body);
    }

    /// <summary>Issue 22: a printed page whose font maps its Korean letters to no characters has
    /// no readable article: it is skipped with that reason, not indexed as punctuation.</summary>
    [SharedFact]
    public void APrintedPageWithoutReadableTextIsSkippedWithItsReason()
    {
        string path = Path.Combine(Set("aeb-pdf"), "9da36ae4714bfccc72374c6c146e9d1cd3cca39e2110bd67ccdbcc806f4cf139.pdf");
        ReadItem item = new PdfArticleReader().Read(new SourceFile(path, Path.GetFileName(path), Set("aeb-pdf"))).Single();
        Assert.Null(item.Article);
        Assert.Contains("no article in the PDF: only", item.Problem!.Reason, StringComparison.Ordinal);
    }

    /// <summary>Issue 22: every printed page is an article or a skipped file with its reason, and
    /// a page with a headline and some text is an article.</summary>
    [LongSharedFact]
    public void EveryPrintedPageIsAnArticleOrSkippedWithItsReason()
    {
        var reader = new PdfArticleReader();
        var skipped = new List<string>();
        foreach (string path in Directory.GetFiles(Set("aeb-pdf"), "*.pdf"))
        {
            ReadItem item = reader.Read(new SourceFile(path, Path.GetFileName(path), Set("aeb-pdf"))).Single();
            if (item.Article == null)
                skipped.Add(Path.GetFileName(path)[..12] + ": " + item.Problem!.Reason);
            else
                Assert.True(item.Article.Body.Length > 0 && item.Article.Title.Length > 0, path);
        }
        // The two pages of one Korean site, printed with a font whose letters map to no characters.
        Assert.True(skipped.Count <= 2, string.Join("\n", skipped));
        Assert.All(skipped, s => Assert.Contains("no article in the PDF", s, StringComparison.Ordinal));
    }

    /// <summary>Issue 22: on the AEB pages, as the indexer reads and enriches them, no author is a
    /// label, a file name, a user name or a job title, no names are run together, no author is the
    /// page's own outlet, one of its desks or its site-wide signature (unless a news agency), and
    /// no section is the folder the pages sit in or a keyword list.</summary>
    [SharedFact]
    public void AebAuthorsArePeopleOrAgenciesAndSectionsAreLabels()
    {
        string root = Set("aeb");
        var reader = new HtmlArticleReader();
        var authors = new List<string>();
        var sections = new List<string>();
        var ownOutlet = new List<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(root, "html"), "*.html.gz").Order(StringComparer.Ordinal))
        {
            var file = new SourceFile(path, "html/" + Path.GetFileName(path), root);
            foreach (ReadItem item in reader.Read(file))
            {
                if (item.Article is not { } article)
                    continue;
                Search.Core.Enrich.ArticleEnricher.Enrich(article, file);
                if (article.Author != null) authors.Add(article.Author);
                if (article.Author != null && article.Source != null && !NewsAgencies.Is(article.Author)
                    && NewsAgencies.Squash(article.Author) == NewsAgencies.Squash(article.Source))
                    ownOutlet.Add($"{article.Author} on {article.Source}");
                if (article.Section != null) sections.Add(article.Section);
            }
        }
        Assert.True(authors.Count >= 120, $"{authors.Count} authors");
        foreach (string bad in (string[])["By", "humans.txt", "Biography", "admin", "jdadmin", "Monday", "Senior Contributor", "Staff Reports"])
            Assert.DoesNotContain(bad, authors);
        // The outlet signing its own page, its desks, its short name, its site-wide signature.
        foreach (string bad in (string[])["BBC News", "Al Jazeera", "CBS News", "RT", "Beachbody", "LinkNaija", "Vortex", "Telegraph Sport", "KWCHCIK", "PMJS - Coordenadoria de TI", "The Water Coolest"])
            Assert.DoesNotContain(bad, authors);
        Assert.Empty(ownOutlet);
        Assert.DoesNotContain(authors, a => a.EndsWith(" Staff", StringComparison.OrdinalIgnoreCase) || a.EndsWith(" Bureau", StringComparison.Ordinal));
        // People with one name, and agencies, stay.
        foreach (string kept in (string[])["Regan", "Catherine", "Reuters", "PTI", "Lisa Kubota"])
            Assert.Contains(kept, authors);
        Assert.DoesNotContain(authors, a => a.Contains("TUCKERAssociated", StringComparison.Ordinal) || a.EndsWith(" Writer", StringComparison.Ordinal)
            || a.Contains(", MS", StringComparison.Ordinal) || a.Contains("defense ministries", StringComparison.Ordinal)); // credentials; a fact check's claimant
        foreach (string bad in (string[])["html", "post", "articles", "All"])
            Assert.DoesNotContain(bad, sections);
        Assert.All(sections, s => Assert.True(s.Length <= 40 && !s.Contains(',') && !s.Contains(" - ", StringComparison.Ordinal), s));
    }

    [LongSharedFact]
    public void HtmlBodiesMeetTheIssueTargetOnAeb()
    {
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Set("aeb"), "ground-truth.json"))).RootElement;
        var counts = new List<ShingleMetric.Counts>();
        foreach (var page in truth.EnumerateObject())
        {
            byte[] bytes = Gzip.Unwrap(File.ReadAllBytes(Path.Combine(Set("aeb"), "html", page.Name + ".html.gz"))).ToArray();
            counts.Add(ShingleMetric.Compare(page.Value.GetProperty("articleBody").GetString()!, HtmlExtractor.Extract(bytes).Body));
        }
        Assert.True(ShingleMetric.Aggregate(counts).F1 >= 0.97, $"AEB body F1 {ShingleMetric.Aggregate(counts)}");
    }

    [LongSharedFact]
    public void PdfBodiesMeetTheIssueTargetOnWikinewsPdfs()
    {
        string dir = Set("pdf-wikinews");
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "truth.json"))).RootElement;
        var counts = truth.EnumerateObject()
            .Select(p => ShingleMetric.Compare(p.Value.GetProperty("body").GetString()!, PdfExtractor.Extract(File.ReadAllBytes(Path.Combine(dir, p.Name))).Body))
            .ToList();
        Assert.True(ShingleMetric.Aggregate(counts).F1 >= 0.97, $"pdf-wikinews body F1 {ShingleMetric.Aggregate(counts)}");
    }
}
