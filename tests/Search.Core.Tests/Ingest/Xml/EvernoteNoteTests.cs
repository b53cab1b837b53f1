using System.Net;
using System.Text;
using Search.Core.Enrich;
using Search.Core.Ingest;
using Search.Core.Ingest.Xml;
using Search.Core.Tests.Support;
using Search.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Xml;

/// <summary>Notes exported from Evernote (<c>.enex</c>), where reporters keep their web clippings.
/// They were ignored.</summary>
public sealed class EvernoteNoteTests
{
    private const string Clipped = "Magnitogorsk apartment building collapses after explosion, dozens dead";

    /// <summary>The seed article as its CSV holds it, or as a build reads and enriches it.</summary>
    private static Article Seed(string title, bool enriched)
    {
        SourceFile file = SourceFor(RepoPaths.Seeds, "wikinews_2019.csv");
        Article seed = Articles(new CsvArticleReader().Read(file)).Single(a => a.Title == title);
        if (enriched)
            ArticleEnricher.Enrich(seed, file);
        return seed;
    }

    /// <summary>An export as Evernote writes it: a web clip of a seed article (its paragraphs as the
    /// clipper's <c>div</c>s, an image as <c>en-media</c> with its resource), a clip of a dated
    /// address whose title keeps the site's name, and a note typed by hand.</summary>
    private static string Export()
    {
        Article seed = Seed(Clipped, enriched: false);
        string enml = string.Concat(seed.Body.Split("\n\n").Select(p => $"<div>{WebUtility.HtmlEncode(p)}</div>"));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
            <en-export export-date="20240115T101010Z" application="Evernote" version="10.68.2">
              <note>
                <title>{WebUtility.HtmlEncode(seed.Title)}</title>
                <created>20190107T101500Z</created>
                <updated>20190107T101500Z</updated>
                <tag>russia</tag><tag>disasters</tag>
                <note-attributes><author>Anna Clipper</author><source>web.clip7</source><source-url>{seed.Url}</source-url></note-attributes>
                <content><![CDATA[<?xml version="1.0" encoding="UTF-8" standalone="no"?><!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd"><en-note><div><en-media hash="4914ced8925f7a9f3e6a8b5e4c3e2a1f" type="image/png"/></div>{enml}</en-note>]]></content>
                <resource><data encoding="base64">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==</data><mime>image/png</mime><resource-attributes><file-name>map.png</file-name></resource-attributes></resource>
              </note>
              <note>
                <title>Port strike ends after three weeks | Reuters</title>
                <created>20240316T080000Z</created>
                <note-attributes><source-url>https://www.reuters.com/world/europe/2024/03/15/port-strike-ends-2024-03-15/</source-url></note-attributes>
                <content><![CDATA[<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd"><en-note><p>Dock workers voted on Thursday to end a three-week strike that had halted most container traffic through the port.</p><p>The union said the new contract raises wages by eight percent over three years.</p></en-note>]]></content>
              </note>
              <note>
                <title>Call with the harbour master</title>
                <created>20240316T143000Z</created>
                <content><![CDATA[<en-note><div>Backlog of twelve ships; cleared by the end of the month, he says.</div><div><br/></div><div>Call back on Friday.</div></en-note>]]></content>
              </note>
            </en-export>
            """;
    }

    [Fact]
    public void Each_note_is_an_article_with_the_address_it_was_clipped_from()
    {
        var items = XmlNewsReaderTests.Read("clippings/Notebook.enex", Export());
        Assert.Empty(Problems(items));
        var notes = Articles(items);
        Assert.Equal(3, notes.Count);

        Article seed = Seed(Clipped, enriched: true), clip = notes[0];
        Assert.Equal(("clippings/Notebook.enex#1", Clipped), (clip.Id, clip.Title));
        Assert.Equal(seed.Body, clip.Body);
        Assert.Equal(seed.Url, clip.Url);
        Assert.Equal("en.wikinews.org", clip.Source);
        Assert.Equal(["russia", "disasters"], clip.Tags);
        // Who clipped it and when are not the article's author and date: its dateline is.
        Assert.Null(clip.Author);
        Assert.Equal(seed.Published, clip.Published);
        Assert.NotEqual("2019-01-07", clip.Published);

        Article strike = notes[1];
        Assert.Equal("Port strike ends after three weeks", strike.Title);
        Assert.Equal("2024-03-15", strike.Published);
        Assert.Equal("reuters.com", strike.Source);
        Assert.Equal("Dock workers voted on Thursday to end a three-week strike that had halted most container traffic through the port.\n\nThe union said the new contract raises wages by eight percent over three years.", strike.Body);

        Article typed = notes[2];
        Assert.Equal("Call with the harbour master", typed.Title);
        Assert.Null(typed.Url);
        Assert.StartsWith("Backlog of twelve ships", typed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_saved_as_xml_is_read_and_one_cut_short_keeps_its_whole_notes()
    {
        Assert.Equal(FileDisposition.Read, ReaderRegistry.Default.Resolve("notes.xml", Encoding.UTF8.GetBytes(Export())).Disposition);
        string export = Export();
        var items = XmlNewsReaderTests.Read("cut.enex", export[..export.IndexOf("<title>Call with", StringComparison.Ordinal)]);
        Assert.Equal(2, Articles(items).Count);
        Assert.StartsWith("invalid XML at line", Assert.Single(Problems(items)).Reason, StringComparison.Ordinal);
    }
}
