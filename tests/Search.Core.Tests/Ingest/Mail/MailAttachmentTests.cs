using System.Text;
using Search.Core.Enrich;
using Search.Core.Ingest;
using Search.Core.Ingest.Mail;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Mail;

/// <summary>E-mail attachments read as articles of their own (a report sent as a PDF, a statement
/// as a Word file, a forwarded message): they were passed over ("Attachments are not read").</summary>
public sealed class MailAttachmentTests
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Mail/Fixture");

    /// <summary>Every item of a file, its articles enriched as a build enriches them.</summary>
    private static List<ReadItem> ReadEnriched(IArticleReader reader, SourceFile file)
    {
        var items = reader.Read(file).ToList();
        foreach (Article article in Articles(items))
            ArticleEnricher.Enrich(article, file);
        return items;
    }

    private static SourceFile Copy(TempDir dir, string fixture, string relative) =>
        WriteBytes(dir, relative, File.ReadAllBytes(Path.Combine(Fixture, fixture)));

    [Fact]
    public void A_message_written_by_a_mail_program_reads_as_itself_and_each_attachment_a_reader_takes()
    {
        using var dir = new TempDir();
        var items = ReadEnriched(new EmlArticleReader(), Copy(dir, "leak.eml", "health/leak.eml"));
        Assert.Empty(Problems(items));
        var articles = Articles(items).ToDictionary(a => a.Id);
        Assert.Equal(["health/leak.eml", "health/leak.eml/measles report.pdf", "health/leak.eml/statement.docx", "health/leak.eml/résumé des notes.txt",
                "health/leak.eml/Fwd  this week's stories.eml", "health/leak.eml/Fwd  this week's stories.eml/stories.csv#1", "health/leak.eml/Fwd  this week's stories.eml/stories.csv#2"],
            Articles(items).Select(a => a.Id));

        Article message = articles["health/leak.eml"];
        Assert.Equal("Measles: the report and our statement", message.Title);
        Assert.Equal("Ana Lealaiauloto", message.Author);

        // The report: its own title and author (from the PDF), the message's date and sender's domain.
        Article report = articles["health/leak.eml/measles report.pdf"];
        Assert.Equal("Samoan government ends state of emergency over measles outbreak", report.Title);
        Assert.StartsWith("On Sunday, the state of emergency begun on November 15 over a measles outbreak ended in Samoa.", report.Body);
        Assert.Equal("Disease Surveillance Team", report.Author);
        Assert.Equal("health.gov.example", report.Source);
        Assert.Equal("health/leak.eml/measles report.pdf", report.File);

        // The statement: Word's title style and creator; never the sender as author unless the document says so.
        Article statement = articles["health/leak.eml/statement.docx"];
        Assert.Equal("Statement on the end of the state of emergency", statement.Title);
        Assert.Equal("Ana Lealaiauloto", statement.Author);
        Assert.Equal("2020-01-06", statement.Published);
        Assert.StartsWith("Tupua Tamasese Meaole Hospital returned to normal operation on Sunday", statement.Body);
        Assert.Contains("Disease Surveillance Team reported a total of 5667 cases", report.Body);

        // A name in RFC 2231's encoded form, decoded; a note says nothing of its author: none.
        Article notes = articles["health/leak.eml/résumé des notes.txt"];
        Assert.Null(notes.Author);
        Assert.Equal(("2020-01-06", "health.gov.example", "health"), (notes.Published, notes.Source, notes.Section));

        // The forwarded message keeps its own sender and date; its CSV's rows are records of their own.
        // A CSV's rows state their own dates and addresses, and take nothing from the message.
        Article forwarded = articles["health/leak.eml/Fwd  this week's stories.eml"];
        Assert.Equal(("Fwd: this week's stories", "2020-01-05", "Desk"), (forwarded.Title, forwarded.Published, forwarded.Author));
        Article row = articles["health/leak.eml/Fwd  this week's stories.eml/stories.csv#2"];
        Assert.Equal(("Prime Minister of Slovakia Igor Matovič tests positive for COVID-19", "en.wikinews.org"), (row.Title, row.Source));
        Assert.NotEqual("2020-01-05", row.Published);
    }

    [Fact]
    public void A_mailbox_reads_each_messages_attachments_under_its_number_and_a_tip_that_is_only_a_document_is_the_document()
    {
        using var dir = new TempDir();
        var items = ReadEnriched(new MboxArticleReader(), Copy(dir, "tips.mbox", "tips.mbox"));
        Assert.Empty(Problems(items));
        var articles = Articles(items);
        Assert.Equal(["tips.mbox#1/soleimani.pdf", "tips.mbox#2", "tips.mbox#2/story.html"], articles.Select(a => a.Id));
        Assert.Equal(("United States military kills Qasem Soleimani", "2020-01-03", "mail.example"), (articles[0].Title, articles[0].Published, articles[0].Source));
        Assert.Equal("Prime Minister of Slovakia Igor Matovič tests positive for COVID-19", articles[2].Title);
        Assert.Equal(("2020-10-02", "news.example"), (articles[2].Published, articles[2].Source));
    }

    /// <summary>Paragraphs of the seed article (The Moscow Times), as attachment text: its prose,
    /// without the lines of addresses and related headlines.</summary>
    private static readonly string[] Seed = [.. File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds/000_9ea3fcf4dd3ee866.txt"))
        .ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Where(p => !p.StartsWith("http", StringComparison.Ordinal) && !p.StartsWith("Related article", StringComparison.Ordinal))];

    private static string Base64(string text) => Base64(Encoding.UTF8.GetBytes(text));

    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks).ReplaceLineEndings("\n");

    /// <summary>A message of the given parts (each its headers, a blank line and its body), as a
    /// mail program lays out multipart/mixed.</summary>
    private static string Message(string subject, params string[] parts) =>
        $"From: Desk <desk@coastal-times.example>\nSubject: {subject}\nDate: Sat, 23 Mar 2024 10:00:00 +0300\nMIME-Version: 1.0\n" +
        "Content-Type: multipart/mixed; boundary=\"b-" + subject.Replace(' ', '-') + "\"\n\nThis is a multi-part message in MIME format.\n" +
        string.Concat(parts.Select(p => $"--b-{subject.Replace(' ', '-')}\n{p}\n")) + $"--b-{subject.Replace(' ', '-')}--\n";

    private static string TextPart(string text) => $"Content-Type: text/plain; charset=utf-8\n\n{text}";

    private static string Attached(string disposition, string text) =>
        $"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\nContent-Disposition: {disposition}\n\n{Base64(text)}";

    [Fact]
    public void Names_in_every_form_mail_programs_write_are_decoded_made_safe_and_kept_apart()
    {
        string message = Message("Kazakh citizens",
            TextPart("Notes on the story attached."),
            Attached("attachment; filename*0*=UTF-8''r%C3%A9sum%C3%A9%20; filename*1*=de%20presse; filename*2=\".txt\"", Seed[1]),
            "Content-Type: text/plain; charset=utf-8; name=\"=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Überblick.txt")) + "?=\"\nContent-Disposition: attachment\n\n" + Seed[2],
            Attached("attachment; filename=\"C:\\\\Users\\\\desk\\\\statement.txt\"", Seed[3]),
            Attached("attachment; filename=\"Statement.txt\"", Seed[4]),
            Attached("attachment; filename=\"../../etc/passwd.txt\"", Seed[5]));
        using var dir = new TempDir();
        var items = ReadEnriched(new EmlArticleReader(), WriteText(dir, "tip.eml", message));
        Assert.Empty(Problems(items));
        Assert.Equal(["tip.eml", "tip.eml/résumé de presse.txt", "tip.eml/Überblick.txt", "tip.eml/statement.txt", "tip.eml/Statement (2).txt", "tip.eml/passwd.txt"],
            Articles(items).Select(a => a.Id));
        // A text file's first line is its title, as on disk.
        Assert.Equal(Seed[1].Split('\n')[0], Articles(items)[1].Title);
    }

    [Fact]
    public void A_part_without_a_name_is_the_message_text_and_a_named_picture_is_passed_over()
    {
        string message = Message("Bridge report",
            "Content-Type: multipart/alternative; boundary=alt\n\n--alt\nContent-Type: text/plain; charset=utf-8\n\n" + Seed[1] + "\n--alt\nContent-Type: text/html; charset=utf-8\n\n<p>" + Seed[1] + "</p>\n--alt--",
            "Content-Type: image/png; name=\"logo.png\"\nContent-Disposition: inline; filename=\"logo.png\"\nContent-ID: <logo>\nContent-Transfer-Encoding: base64\n\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
            "Content-Type: application/pdf\nContent-Disposition: attachment\nContent-Transfer-Encoding: base64\n\n" + Base64(ArticlePdf.Build(pages: 1)));
        using var dir = new TempDir();
        var items = ReadEnriched(new EmlArticleReader(), WriteText(dir, "report.eml", message));
        Assert.Empty(Problems(items));
        var articles = Articles(items);
        Assert.Equal(["report.eml", "report.eml/attachment.pdf"], articles.Select(a => a.Id));
        Assert.Equal(Seed[1].Replace('\n', ' '), articles[0].Body);
        // The printed article's own date and author win over the message's.
        Assert.Equal(("2021-05-11", "Maria Keller", "coastal-times.example"), (articles[1].Published, articles[1].Author, articles[1].Source));
    }

    [Fact]
    public void A_message_of_a_subject_and_an_attachment_is_both_and_one_of_nothing_but_a_picture_is_skipped()
    {
        using var dir = new TempDir();
        var both = ReadEnriched(new EmlArticleReader(), WriteText(dir, "a.eml", Message("Kazakh citizens", Attached("attachment; filename=story.txt", string.Join("\n\n", Seed[..4])))));
        Assert.Equal(["a.eml", "a.eml/story.txt"], Articles(both).Select(a => a.Id));
        Assert.Equal("Kazakh citizens", Articles(both)[0].Title);
        string picture = "From: desk@coastal-times.example\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: image/jpeg\nContent-Disposition: attachment; filename=a.jpg\n\n/9j/4AAQ\n--x--\n";
        var none = ReadEnriched(new EmlArticleReader(), WriteText(dir, "b.eml", picture));
        Assert.Equal("a message without subject or text, and no attachment of it holds an article", Assert.Single(none).Problem!.Reason);
    }

    [Fact]
    public void A_zip_attached_to_a_message_is_read_as_unpacked_beside_it()
    {
        var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in (ReadOnlySpan<(string, string)>)[("politics/1.txt", string.Join("\n\n", Seed[..3])), ("notes/readme.md", "not an article")])
                using (var writer = new StreamWriter(archive.CreateEntry(name).Open()))
                    writer.Write(text);
        }
        string message = Message("Documents", TextPart("The files you asked for."),
            "Content-Type: application/zip; name=\"leak.zip\"\nContent-Disposition: attachment; filename=\"leak.zip\"\nContent-Transfer-Encoding: base64\n\n" + Base64(zip.ToArray()));
        using var dir = new TempDir();
        var items = ReadEnriched(new EmlArticleReader(), WriteText(dir, "desk/tip.eml", message));
        Assert.Empty(Problems(items));
        var articles = Articles(items);
        Assert.Equal(["desk/tip.eml", "desk/tip.eml/leak.zip/politics/1.txt"], articles.Select(a => a.Id));
        Assert.Equal("2 Kazakhs Killed in Russian Anti-Terror Operation", articles[1].Title);
        // Its section is its folder inside the zip, as if the zip were unpacked.
        Assert.Equal("politics", articles[1].Section);
    }

    /// <summary>A message forwarded as an attachment <paramref name="levels"/> times over, each with a note attached.</summary>
    private static string Forwarded(int level, int levels) =>
        Message($"Level {level}", [TextPart($"Forwarded at level {level}."), Attached($"attachment; filename=note.txt", $"{Seed[1]} (level {level})"),
            .. level < levels ? [$"Content-Type: message/rfc822\n\n{Forwarded(level + 1, levels)}"] : (string[])[]]);

    [Fact]
    public void Forwarded_messages_are_read_as_messages_with_their_attachments_to_a_bounded_depth()
    {
        using var dir = new TempDir();
        var items = ReadEnriched(new EmlArticleReader(), WriteText(dir, "tip.eml", Forwarded(1, 8)));
        var ids = Articles(items).Select(a => a.Id).ToList();
        Assert.Equal("tip.eml/Level 2.eml/Level 3.eml/note.txt", ids[5]);
        // Messages 1 to 6 deep are articles; the attachments of the first 5 are read.
        Assert.Equal(6, ids.Count(id => id.EndsWith(".eml", StringComparison.Ordinal)));
        Assert.Equal(5, ids.Count(id => id.EndsWith("note.txt", StringComparison.Ordinal)));
        Assert.Contains("a message forwarded more than 5 deep: its 2 attachments are not read", Assert.Single(Problems(items)).Reason);
    }

    [Fact]
    public void Damaged_parts_never_throw_and_an_attachment_cut_short_keeps_what_came_before_the_cut()
    {
        string whole = Message("Kazakh citizens", TextPart("See the attached story."), Attached("attachment; filename=story.txt", string.Join("\n\n", Seed[..6])));
        string cut = whole[..(whole.IndexOf("filename=story.txt", StringComparison.Ordinal) + 600)];
        string mbox = "From desk Sat Mar 23 10:00:00 2024\n" + cut + "\n\n" +
            "From desk Sat Mar 23 11:00:00 2024\nFrom: desk@coastal-times.example\nSubject: No boundary\nContent-Type: multipart/mixed\n\nThe parts cannot be told apart.\n\n" +
            "From desk Sat Mar 23 12:00:00 2024\nFrom: desk@coastal-times.example\nSubject: Odd charset\nContent-Type: text/plain; charset=x-unknown-charset\n\n" + Seed[2] + "\n";
        using var dir = new TempDir();
        var items = ReadEnriched(new MboxArticleReader(), WriteText(dir, "cut.mbox", mbox));
        var articles = Articles(items);
        Assert.Equal(["cut.mbox#1", "cut.mbox#1/story.txt", "cut.mbox#2", "cut.mbox#3"], articles.Select(a => a.Id));
        Assert.StartsWith(Seed[0][..20].Trim(), articles[1].Title + " " + articles[1].Body);
        Assert.DoesNotContain("==", articles[1].Body, StringComparison.Ordinal);
        Assert.Equal(Seed[2].Replace('\n', ' '), articles[3].Body);
    }
}
