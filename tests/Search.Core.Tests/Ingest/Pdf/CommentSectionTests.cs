using Search.Core.Ingest.Pdf;
using Xunit;
using static Search.Core.Tests.Ingest.Pdf.PrintedPageSamples;

namespace Search.Core.Tests.Ingest.Pdf;

/// <summary>Where a printed page's reader comments begin: only after the article has started.</summary>
public sealed class CommentSectionTests
{
    [Fact]
    public void CommentsAfterTheArticleEndIt()
    {
        var page = Page("Pool to close for the summer", Prose, "3 Comments", "jane says: June 4, 2024 at 6:34 am I learnt to swim there, what a shame.", "Reply");
        Assert.Equal(2, CommentSection.Start(page));
        Assert.Equal([Prose], Boilerplate.Keep(page));
        var said = Page(Prose, "Alex on September 17, 2018 at 6:34 am said:", "I skimmed your report and did not see any analysis of the buses at all, which surprised me.");
        Assert.Equal(1, CommentSection.Start(said));
    }

    [Fact]
    public void AMenusCommentsLinkOrABylinesCountBeforeTheArticleDoesNotEndIt()
    {
        var page = Page("Home News Comments Contact", "Comments", "By Jane Doe | 5 Comments", Prose, "Previous Post Next Post");
        Assert.Equal(page.Count, CommentSection.Start(page));
        Assert.Contains(Prose, Boilerplate.Keep(page));
    }
}
