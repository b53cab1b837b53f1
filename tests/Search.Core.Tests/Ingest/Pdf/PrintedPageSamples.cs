using Search.Core.Ingest.Pdf;

namespace Search.Core.Tests.Ingest.Pdf;

/// <summary>A printed page's article prose and paragraphs, shared by the tests of what a printed
/// page keeps.</summary>
internal static class PrintedPageSamples
{
    public const string Prose =
        "The city council voted on Tuesday to close the public swimming pool on Mill Street for the summer, citing a cracked filter and a budget that cannot cover the repair this year. " +
        "Councillors said the pool would reopen next spring once the filter is replaced, and that lessons would move to the leisure centre.";

    /// <summary>One paragraph per text, none of its letters inside a link.</summary>
    public static List<PdfParagraph> Page(params string[] texts) => texts.Select(t => new PdfParagraph(t, 0)).ToList();
}
