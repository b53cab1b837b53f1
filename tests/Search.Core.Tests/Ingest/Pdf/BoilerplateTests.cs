using Search.Core.Ingest.Pdf;
using Xunit;
using static Search.Core.Tests.Ingest.Pdf.PrintedPageSamples;

namespace Search.Core.Tests.Ingest.Pdf;

/// <summary>What a printed page's article keeps of the prose around it.</summary>
public sealed class BoilerplateTests
{
    private const string More =
        "Parents said the closure came at the worst time, with the school holidays starting in two weeks and the leisure centre already full on most afternoons of the week.";

    [Fact]
    public void ACookieNoticeIsNotProseButAnArticleAboutCookiesIs()
    {
        const string Notice = "This website uses cookies to improve your experience while you navigate through the website. You can opt-out of these cookies if you wish.";
        const string Story = "Regulators said on Monday that tracking cookies set by advertisers will need a reader's clear agreement from next year, after a long review of online advertising practices.";
        Assert.Equal([Prose], Boilerplate.Keep(Page(Prose, Notice)));
        Assert.Equal([Prose, Story], Boilerplate.Keep(Page(Prose, Story)));
    }

    [Fact]
    public void PhotoCaptionsBetweenTheParagraphsAreDroppedButAStoryAboutAPhotoIsKept()
    {
        string[] captions =
        [
            "The pool on Mill Street has been open since 1962 (Image: GETTY )",
            "Swimmers queue outside the pool on its last day before the repairs. (AP Photo/Jane Doe)",
            "Photo: Jane Doe, STF / Associated Press",
            "Image 1 of 9",
        ];
        foreach (string caption in captions)
            Assert.Equal([Prose, More], Boilerplate.Keep(Page(Prose, caption, More)));
        const string Story = "The photograph shows the pool on its opening day in 1962, when the mayor swam the first length in front of a crowd of several hundred people.";
        Assert.Equal([Prose, Story, More], Boilerplate.Keep(Page(Prose, Story, More)));
    }
}
