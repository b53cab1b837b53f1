using System.Text;
using Search.Core.Enrich;
using Search.Core.Ingest;
using Search.Core.Ingest.Mail;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Mail;

/// <summary>Outlook messages (<c>.msg</c>). They were ignored as "not an article format".</summary>
public sealed class MsgArticleReaderTests
{
    /// <summary><c>Fixture/nested.msg</c>, saved by Outlook: a message with a picture and an
    /// attached message with two pictures.</summary>
    private static readonly byte[] Nested = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Mail/Fixture/nested.msg"));

    private static List<ReadItem> ReadEnriched(SourceFile file)
    {
        var items = new MsgArticleReader().Read(file).ToList();
        foreach (Article article in Articles(items))
            ArticleEnricher.Enrich(article, file);
        return items;
    }

    [Fact]
    public void A_message_and_the_message_attached_to_it_are_articles_and_pictures_are_passed_over()
    {
        using var dir = new TempDir();
        var items = ReadEnriched(WriteBytes(dir, "mail/nested.msg", Nested));
        Assert.Empty(Problems(items));
        Assert.Equal(
            [("mail/nested.msg", "Top level email", "Top level email text", "2020-03-26"), ("mail/nested.msg/Embedded email.msg", "Embedded email", "Embedded email text", "2020-01-14")],
            Articles(items).Select(a => (a.Id, a.Title, a.Body, a.Published)));
        Assert.IsType<MsgArticleReader>(ReaderRegistry.Default.Resolve("nested.msg", Nested).Reader);
        // Other programs' .msg files (gettext's catalogues) are not compound files.
        Assert.Equal(FileDisposition.Ignored, ReaderRegistry.Default.Resolve("po/de.msg", "$set 1\n1 Datei nicht gefunden\n"u8).Disposition);
    }

    /// <summary>The picture <c>pigeon.jpg</c> turned into a text <c>pigeon.txt</c> of the same
    /// size in place: an attachment a reader takes is an article keyed under its message, with the
    /// message's date, which it does not state itself.</summary>
    [Fact]
    public void An_attachment_a_reader_takes_is_an_article_under_its_message()
    {
        byte[] bytes = (byte[])Nested.Clone();
        byte[] picture = Encoding.Unicode.GetBytes("pigeon.jpg"), text = Encoding.Unicode.GetBytes("pigeon.txt");
        for (int at = bytes.AsSpan().IndexOf(picture); at >= 0; at = bytes.AsSpan().IndexOf(picture))
            text.CopyTo(bytes, at);
        // The pigeon's picture: the one of the three that ends (0xFF 0xD9) 4,916 bytes on.
        int jpeg = Enumerable.Range(0, bytes.Length - 4916).First(at => bytes.AsSpan(at).StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            && bytes.AsSpan(at + 4914).StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD9]));
        byte[] story = Encoding.ASCII.GetBytes("Pigeons return to the harbour\n\nThe harbour's pigeons came back on Monday, the port authority said.\n".PadRight(4916));
        story.CopyTo(bytes, jpeg);
        using var dir = new TempDir();
        var articles = Articles(ReadEnriched(WriteBytes(dir, "nested.msg", bytes)));
        var pigeon = Assert.Single(articles, a => a.Id == "nested.msg/pigeon.txt");
        Assert.Equal(("Pigeons return to the harbour", "2020-03-26"), (pigeon.Title, pigeon.Published));
        Assert.Equal(3, articles.Count);
    }

    /// <summary>A message whose attached message is itself, over and over (its storage's child
    /// pointing back up the tree): read to the depth bound, then reported.</summary>
    [Fact]
    public void A_message_that_holds_itself_ends_at_the_depth_bound()
    {
        byte[] bytes = (byte[])Nested.Clone();
        // The attached message's storage (__substg1.0_3701000D) takes the root's child as its own.
        byte[] name = Encoding.Unicode.GetBytes("__substg1.0_3701000D");
        int directory = bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("Root Entry"));
        int entry = bytes.AsSpan().IndexOf(name);
        Array.Copy(bytes, directory + 0x4C, bytes, entry + 0x4C, 4);
        using var dir = new TempDir();
        var items = new MsgArticleReader().Read(WriteBytes(dir, "loop.msg", bytes)).ToList();
        Assert.Contains(Problems(items), p => p.Reason.Contains("more than 5 deep", StringComparison.Ordinal));
        Assert.InRange(Articles(items).Count, 2, 8);
    }

    [Fact]
    public void A_message_cut_short_is_skipped_with_the_reason()
    {
        using var dir = new TempDir();
        var problem = Assert.Single(new MsgArticleReader().Read(WriteBytes(dir, "cut.msg", Nested[..2000])));
        Assert.StartsWith("damaged or unreadable Outlook message", problem.Problem!.Reason);
    }
}
