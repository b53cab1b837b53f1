using System.Text;
using Search.Core.Enrich;
using Search.Core.Ingest;
using Search.Core.Ingest.Mail;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Mail;

/// <summary>Press releases, newsletters and tips kept as e-mail: saved messages (.eml) and
/// mailboxes (mbox). They were ignored as "not an article format" (or "no extension").</summary>
public sealed class MailReaderTests
{
    private const string PressRelease = """
        Return-Path: <press@council.example>
        From: =?UTF-8?B?Q2l0eSBDb3VuY2lsIFByZXNzIE9mZmljZQ==?= <press@council.example>
        To: newsdesk@coastal-times.example
        Subject: =?UTF-8?Q?Council_approves_the_river_bridge_=E2=80=93_caf=C3=A9_stays?=
         =?UTF-8?Q?_open?=
        Date: Tue, 11 May 2021 09:30:00 +0200
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="mixed-1"

        --mixed-1
        Content-Type: multipart/alternative; boundary="alt-1"

        --alt-1
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: quoted-printable

        The city council voted on Monday to build a second bridge across the river,=
         ending a debate that has lasted for more than ten years.
        The caf=C3=A9 on the pier stays open during the works.

        Work starts in spring.

        --=20
        Press Office, City Council
        --alt-1
        Content-Type: text/html; charset=UTF-8

        <p>HTML version</p>
        --alt-1--
        --mixed-1
        Content-Type: application/pdf; name="release.pdf"
        Content-Disposition: attachment; filename="release.pdf"
        Content-Transfer-Encoding: base64

        {{PDF}}
        --mixed-1--
        """;

    /// <summary>The press release with its attachment: a real PDF of a printed article.</summary>
    private static readonly string PressReleaseWithPdf = PressRelease.Replace("{{PDF}}", Convert.ToBase64String(ArticlePdf.Build(pages: 1), Base64FormattingOptions.InsertLineBreaks).ReplaceLineEndings("\n"));

    [Fact]
    public void A_saved_message_reads_as_its_subject_sender_date_and_text()
    {
        using var dir = new TempDir();
        SourceFile file = WriteText(dir, "inbox/bridge.eml", PressReleaseWithPdf.ReplaceLineEndings("\r\n"));
        var items = ReadAll(new EmlArticleReader(), file);
        Assert.Empty(Problems(items));
        Assert.Equal(["inbox/bridge.eml", "inbox/bridge.eml/release.pdf"], Articles(items).Select(a => a.Id));
        Article article = Articles(items)[0];
        ArticleEnricher.Enrich(article, file);
        Assert.Equal("Council approves the river bridge – café stays open", article.Title);
        Assert.Equal("City Council Press Office", article.Author);
        Assert.Equal("council.example", article.Source);
        Assert.Equal("2021-05-11", article.Published);
        Assert.Equal("The city council voted on Monday to build a second bridge across the river, ending a debate that has lasted for more than ten years. The café on the pier stays open during the works.\n\nWork starts in spring.", article.Body);
    }

    [Theory]
    [InlineData("Tue, 3 Mar 2026 10:00:00 +0100 (CET)")]
    [InlineData("Tue, 3 Mar 2026 09:00:00 +0000 (UTC)")]
    [InlineData("Tue, 3 Mar 2026 04:00:00 -0500 (EST)")]
    [InlineData("(sent from a phone) 3 Mar 2026 10:00 +0100")]
    public void A_date_with_the_zones_name_in_a_comment_is_read(string date)
    {
        // Servers and mail programs add the zone's name after the offset, in parentheses (an
        // RFC 5322 comment); such a date was "not a date" and the message undated.
        Article article = ReadOneText(new EmlArticleReader(), "tip.eml", $"From: tips@example.org\nSubject: Bridge\nDate: {date}\n\nThe bridge opens.\n");
        Assert.Equal("2026-03-03", article.Published);
    }

    [Theory]
    [InlineData("tom@example.com (Tom Berg)", "Tom Berg", "example.com")]
    [InlineData("maria at lists.example.org (Maria Keller)", "Maria Keller", "lists.example.org")]
    [InlineData("\"Tom Berg\" <tom@example.com>", "Tom Berg", "example.com")]
    [InlineData("tom@example.com", null, "example.com")]
    public void The_sender_is_read_in_the_older_form_mailing_list_archives_keep(string from, string? author, string source)
    {
        // "tom@example.com (Tom Berg)" gave no author and the source "example.com (tom berg)";
        // Mailman's "maria at lists.example.org (Maria Keller)" gave neither.
        Article article = ReadOneText(new EmlArticleReader(), "post.eml", $"From: {from}\nSubject: Bridge vote\n\nThe council voted.\n");
        Assert.Equal((author, source), (article.Author, article.Source));
    }

    [Fact]
    public void A_text_declared_utf8_that_is_not_is_read_in_the_encoding_its_bytes_are()
    {
        // Windows-1252 bytes under charset=utf-8 were decoded as UTF-8: "Gr\uFFFDnen in K\uFFFDln".
        using var dir = new TempDir();
        byte[] message = [.. "From: a@example.org\nSubject: Vote\nContent-Type: text/plain; charset=utf-8\n\nDie Gr"u8, 0xFC, .. "nen in K"u8, 0xF6, .. "ln stimmen f"u8, 0xFC, .. "r die Br"u8, 0xFC, .. "cke.\n"u8];
        Article article = ReadOne(new EmlArticleReader(), WriteBytes(dir, "vote.eml", message));
        Assert.Equal("Die Grünen in Köln stimmen für die Brücke.", article.Body);
    }

    [Fact]
    public void A_newsletter_with_only_html_reads_as_the_text_it_shows()
    {
        const string newsletter = "From: The Morning Brief <brief@news.example>\nSubject: Morning brief\nDate: Wed, 12 May 2021 06:00:00 GMT\n" +
            "Content-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n" +
            "<html><body><h1>Today</h1><p>The ferry keeps running every twenty minutes.</p><p>The caf=E9 reopens.</p></body></html>\n";
        Article article = ReadOneText(new EmlArticleReader(), "brief.eml", newsletter);
        Assert.Equal("Morning brief", article.Title);
        Assert.Equal("Today\n\nThe ferry keeps running every twenty minutes.\n\nThe café reopens.", article.Body);
    }

    [Fact]
    public void A_paragraph_that_begins_with_From_and_was_not_escaped_stays_in_its_message()
    {
        // Some programs write mailboxes without escaping a line that begins "From " (mboxo as
        // written by hand or by scripts): after a blank line it was taken for the next message,
        // which cut the message short, reported its rest as "not an e-mail message" and
        // renumbered every message after it.
        string mbox =
            "From alice@example.org Mon Mar  2 10:00:00 2026\nFrom: Alice <alice@example.org>\nSubject: Bridge\n\n" +
            "The bridge opens in May.\n\nFrom the start, the council wanted a second bridge.\n\n" +
            "From - Tue Mar  3 11:00:00 2026\nFrom: Bob <bob@example.org>\nSubject: Ferry\n\nThe ferry keeps running.\n";
        using var dir = new TempDir();
        var items = ReadAll(new MboxArticleReader(), WriteText(dir, "a.mbox", mbox));
        Assert.Empty(Problems(items));
        Assert.Equal(["a.mbox#1", "a.mbox#2"], Articles(items).Select(a => a.Id));
        Assert.Equal("The bridge opens in May.\n\nFrom the start, the council wanted a second bridge.", Articles(items)[0].Body);
        Assert.Equal("Ferry", Articles(items)[1].Title);
    }

    [Fact]
    public void A_mailbox_reads_one_article_a_message_and_reports_what_is_not_one()
    {
        string mbox =
            "From press@council.example Tue May 11 09:30:00 2021\n" + PressReleaseWithPdf + "\n\n" +
            "From brief@news.example Wed May 12 06:00:00 2021\nFrom: brief@news.example\nSubject: Morning brief\nDate: Wed, 12 May 2021 06:00:00 GMT\n\n" +
            "The ferry keeps running.\n>From the harbour: nothing new.\n\n" +
            "From nobody Thu May 13 06:00:00 2021\nX-Note: no headers a message has\n\n\n";
        using var dir = new TempDir();
        foreach (string name in (string[])["export.mbox", "Inbox.mbox/mbox"])
        {
            SourceFile file = WriteText(dir, name, mbox);
            Assert.Equal("mbox", ReaderRegistry.Default.Resolve(file).Reader!.Format);
            var items = ReadAll(new MboxArticleReader(), file);
            var articles = Articles(items);
            Assert.Equal([$"{name}#1", $"{name}#1/release.pdf", $"{name}#2"], articles.Select(a => a.Id));
            Assert.Equal(["Council approves the river bridge – café stays open", ArticlePdf.Title, "Morning brief"], articles.Select(a => a.Title));
            Assert.Equal("The ferry keeps running. From the harbour: nothing new.", articles[2].Body);
            var problem = Assert.Single(Problems(items));
            Assert.StartsWith("message 3: not an e-mail message", problem.Reason);
            Assert.Equal(mbox.Split('\n').ToList().FindIndex(l => l.StartsWith("From nobody", StringComparison.Ordinal)) + 1, problem.Line);
        }
        Assert.Equal(FileDisposition.Ignored, ReaderRegistry.Default.Resolve("README", "From the start, this was a plain note.\n"u8).Disposition);
    }

    [Fact]
    public void A_mailing_lists_archive_as_mailman_publishes_it_is_a_mailbox_gzipped_or_not()
    {
        const string archive =
            "From alice at example.org  Tue Mar  3 10:00:00 2026\nFrom: alice at example.org (Alice Berg)\n" +
            "Date: Tue, 03 Mar 2026 10:00:00 +0100 (CET)\nSubject: Harbour strike ends\n\nThe harbour strike ended on Tuesday.\n\n" +
            "From bob at example.org  Wed Mar  4 11:00:00 2026\nFrom: bob at example.org (Bob Lund)\n" +
            "Date: Wed, 04 Mar 2026 11:00:00 +0100\nSubject: Ferry timetable\n\nThe ferry keeps its winter timetable.\n";
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "list"));
        File.WriteAllText(Path.Combine(dir.Path, "list", "2026-March.txt"), archive);
        File.WriteAllBytes(Path.Combine(dir.Path, "list", "2026-February.txt.gz"), Gzipped(archive));
        // A text article that merely begins with "From " stays a text article.
        File.WriteAllText(Path.Combine(dir.Path, "list", "note.txt"), "From our correspondent\n\nSubject: the harbour.\n");

        var index = Path.Combine(dir.Path, "idx");
        var summary = Search.Core.Indexing.IndexBuilder.Build(new Search.Core.Indexing.BuildOptions { Roots = [Path.Combine(dir.Path, "list")], IndexPath = index });
        Assert.Empty(summary.Skipped);
        using var searcher = Search.Core.Querying.ArticleSearcher.Open(index);
        var hits = searcher.Search(new Search.Core.Querying.SearchRequest { Query = "*", Limit = 10, Snippets = false, Collapse = false }).Hits;
        Assert.Equal(["2026-February.txt.gz#1", "2026-February.txt.gz#2", "2026-March.txt#1", "2026-March.txt#2", "note.txt"], hits.Select(h => h.Id).Order(StringComparer.Ordinal));
        foreach (var strike in hits.Where(h => h.Id.EndsWith("#1", StringComparison.Ordinal)))
            Assert.Equal(("Harbour strike ends", "Alice Berg", "2026-03-03"), (strike.Title, strike.Author, strike.Published));
    }

    /// <summary>A list's subject tag ("[press] Harbour strike ends") was kept in the title; it is
    /// taken off where it is the list's: every message of the archive has it, or List-Id names it.
    /// Brackets of a subject's own stay.</summary>
    [Fact]
    public void A_mailing_lists_subject_tag_is_not_part_of_the_title()
    {
        const string archive =
            "From alice at example.org  Tue Mar  3 10:00:00 2026\nFrom: alice at example.org (Alice Berg)\n" +
            "Subject: [press] Harbour strike ends\n\nThe harbour strike ended on Tuesday.\n\n" +
            "From bob at example.org  Wed Mar  4 11:00:00 2026\nFrom: bob at example.org (Bob Lund)\n" +
            "Subject: Re: [Press] Harbour strike ends\n\nThe ferries run again.\n\n" +
            "From carol at example.org  Wed Mar  4 12:00:00 2026\nFrom: carol at example.org (Carol Ek)\n" +
            "Subject: [press] Re: [ANN] Ferry timetable\n\nThe ferry keeps its winter timetable.\n";
        const string personal =
            "From alice@example.org Mon Mar  2 10:00:00 2026\nFrom: Alice <alice@example.org>\nSubject: [ANN] Version 2 is out\n\nIt is out.\n\n" +
            "From bob@example.org Mon Mar  2 11:00:00 2026\nFrom: Bob <bob@example.org>\nList-Id: Press releases <press.lists.example.org>\n" +
            "Subject: [press] Bridge opens\n\nThe bridge opens.\n\n" +
            "From bob@example.org Mon Mar  2 12:00:00 2026\nFrom: Bob <bob@example.org>\nList-Id: <press.lists.example.org>\n" +
            "Subject: [PATCH] Bridge\n\nA patch.\n";
        using var dir = new TempDir();
        var list = Articles(ReadAll(new MboxArticleReader(), WriteText(dir, "2026-March.txt", archive)));
        Assert.Equal(["Harbour strike ends", "Re: Harbour strike ends", "Re: [ANN] Ferry timetable"], list.Select(a => a.Title));
        var mine = Articles(ReadAll(new MboxArticleReader(), WriteText(dir, "mine.mbox", personal)));
        Assert.Equal(["[ANN] Version 2 is out", "Bridge opens", "[PATCH] Bridge"], mine.Select(a => a.Title));
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8; format=flowed; delsp=yes", "The contract with the client was signed on Monday.")]
    [InlineData("text/plain; charset=utf-8; format=flowed", "The contract with the cli ent was signed on Monday.")] // the space is the text's own
    public void Flowed_text_wrapped_inside_a_word_reads_as_the_word(string contentType, string body)
    {
        // Thunderbird wraps at 72 columns and, with delsp=yes, may do so inside a long word: the
        // space before the line break was added for the wrap.
        string message = $"From: Anna <anna@example.org>\nSubject: Contract\nContent-Type: {contentType}\n\nThe contract with the cli \nent was signed on Monday.\n\n-- \nAnna\n";
        Assert.Equal(body, ReadOneText(new EmlArticleReader(), "contract.eml", message).Body);
    }
}
