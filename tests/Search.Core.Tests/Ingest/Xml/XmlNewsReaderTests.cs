using System.Text;
using Search.Core.Enrich;
using Search.Core.Ingest;
using Search.Core.Ingest.Xml;
using Search.Core.Tests.Support;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Xml;

/// <summary>Saved feeds and wire stories in XML. They were ignored as "not an article format".</summary>
public sealed class XmlNewsReaderTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
        <channel>
          <title>Coastal Times – News</title><link>https://coastal-times.example</link>
          <item>
            <title>Harbour reopens after the storm</title>
            <link>https://coastal-times.example/news/harbour-reopens</link>
            <dc:creator><![CDATA[Tom Berg]]></dc:creator>
            <pubDate>Mon, 03 Oct 2022 07:00:00 +0200</pubDate>
            <category><![CDATA[Local]]></category><category>Weather</category>
            <guid isPermaLink="false">https://coastal-times.example/?p=123</guid>
            <description><![CDATA[<p>The harbour reopened to ferries&#8230;</p>]]></description>
            <content:encoded><![CDATA[<p>The harbour reopened to ferries on Monday morning, two days after the storm.</p>
        <p>Divers spent Sunday checking the quay walls, and the caf&eacute; on the pier stays closed.</p>]]></content:encoded>
            <media:content url="https://coastal-times.example/harbour.jpg" medium="image"/>
          </item>
          <item>
            <title>Ferry timetable changes</title>
            <link>https://coastal-times.example/news/ferry-timetable</link>
            <author>desk@coastal-times.example (Maria Keller)</author>
            <pubDate>Tue, 04 Oct 2022 09:30:00 GMT</pubDate>
            <description>The old ferry will keep running every twenty minutes until the bridge opens.</description>
          </item>
        </channel></rss>
        """;

    [Fact]
    public void An_rss_feed_reads_as_one_article_an_item_with_its_full_text_when_it_carries_it()
    {
        var items = Read("feeds/coastal.rss", Rss);
        Assert.Empty(Problems(items));
        var articles = Articles(items);
        Assert.Equal(2, articles.Count);
        Article harbour = articles[0];
        Assert.Equal(("feeds/coastal.rss#1", 1), (harbour.Id, harbour.Record!.Value));
        Assert.Equal("Harbour reopens after the storm", harbour.Title);
        Assert.Equal("https://coastal-times.example/news/harbour-reopens", harbour.Url);
        Assert.Equal("Tom Berg", harbour.Author);
        Assert.Equal("2022-10-03", harbour.Published);
        Assert.Equal(["Local", "Weather"], harbour.Tags);
        Assert.Equal("The harbour reopened to ferries on Monday morning, two days after the storm.\n\nDivers spent Sunday checking the quay walls, and the café on the pier stays closed.", harbour.Body);
        Assert.Equal("Maria Keller", articles[1].Author);
        Assert.Equal("The old ferry will keep running every twenty minutes until the bridge opens.", articles[1].Body);
    }

    [Fact]
    public void An_atom_feed_reads_its_entries_xhtml_and_escaped_html_alike()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Times</title>
              <entry><title type="html">Bridge &lt;em&gt;approved&lt;/em&gt;</title>
                <link rel="alternate" href="https://coastal-times.example/bridge"/><link rel="enclosure" href="https://coastal-times.example/b.mp3"/>
                <id>tag:coastal-times.example,2021:bridge</id><published>2021-05-11T08:00:00Z</published><updated>2021-05-12T08:00:00Z</updated>
                <author><name>Maria Keller</name></author><category term="Politics"/>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The council voted to build a second bridge.</p><p>Work starts in spring.</p></div></content>
              </entry>
              <entry><title>Ferry keeps running</title><link href="https://coastal-times.example/ferry"/><updated>2021-05-13T08:00:00Z</updated>
                <summary type="html">&lt;p&gt;The old ferry keeps running.&lt;/p&gt;</summary></entry>
            </feed>
            """;
        var articles = Articles(Read("coastal.atom", atom));
        Assert.Equal(["Bridge approved", "Ferry keeps running"], articles.Select(a => a.Title));
        Assert.Equal("The council voted to build a second bridge.\n\nWork starts in spring.", articles[0].Body);
        Assert.Equal(("https://coastal-times.example/bridge", "2021-05-11", "Maria Keller"), (articles[0].Url, articles[0].Published, articles[0].Author));
        Assert.Equal(("The old ferry keeps running.", "2021-05-13"), (articles[1].Body, articles[1].Published));
    }

    [Fact]
    public void A_nitf_wire_story_reads_with_its_byline_date_and_distributor()
    {
        const string nitf = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE nitf SYSTEM "nitf-3-5.dtd">
            <nitf version="-//IPTC//DTD NITF 3.5//EN">
              <head><title>FRANCE-POLITICS</title>
                <docdata><doc-id id-string="AFP-20190104-001"/><date.issue norm="20190104T103000Z"/><doc.copyright year="2019" holder="Agence France-Presse"/>
                  <key-list><keyword key="politics"/><keyword key="France"/></key-list></docdata></head>
              <body>
                <body.head><hedline><hl1>French government survives confidence vote</hl1></hedline>
                  <byline>By <person>Jeanne Martin</person> <byttl>AFP Correspondent</byttl></byline>
                  <distributor>AFP</distributor>
                  <dateline><location><city>PARIS</city></location><story.date norm="20190104T100000Z">Jan 4</story.date></dateline></body.head>
                <body.content><p>The French government survived a confidence vote on Friday.</p><block><p>The vote ended a week of debate&nbsp;&mdash; and &eacute;lan &amp; &#233;clat.</p></block></body.content>
              </body>
            </nitf>
            """;
        Article story = Assert.Single(Articles(Read("wire/afp-001.xml", nitf)));
        Assert.Equal("French government survives confidence vote", story.Title);
        Assert.Equal("Jeanne Martin", story.Author);
        Assert.Equal("AFP", story.Source);
        Assert.Equal("2019-01-04", story.Published);
        Assert.Equal(["politics", "France"], story.Tags);
        // NITF's DTD declares HTML's entities; no DTD is read, they are known all the same.
        Assert.Equal("The French government survived a confidence vote on Friday.\n\nThe vote ended a week of debate — and élan & éclat.", story.Body);
        Assert.Equal("wire/afp-001.xml#1", story.Id);
    }

    [Fact]
    public void A_newsml_message_reads_its_text_items_and_skips_its_pictures_saying_so()
    {
        const string newsml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
              <header><sent>2019-01-04T11:00:00Z</sent></header>
              <itemSet>
                <newsItem guid="urn:newsml:afp.com:20190104:001" version="1" standard="NewsML-G2" standardversion="2.25" xml:lang="en">
                  <rightsInfo><copyrightHolder uri="http://www.afp.com"><name>AFP</name></copyrightHolder></rightsInfo>
                  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:AFP"/><versionCreated>2019-01-04T10:45:00Z</versionCreated></itemMeta>
                  <contentMeta><contentCreated>2019-01-04T10:30:00Z</contentCreated><creator><name>Jeanne Martin</name></creator>
                    <subject type="cpnat:abstract" qcode="medtop:11000000"><name xml:lang="en">politics</name></subject>
                    <headline>French government survives confidence vote</headline><by>By Jeanne Martin</by></contentMeta>
                  <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
                    <p>The French government survived a confidence vote on Friday.</p><p>The vote ended a week of debate.</p></body.content></body></nitf></inlineXML></contentSet>
                </newsItem>
                <newsItem guid="urn:newsml:afp.com:20190104:002" version="1" standard="NewsML-G2" standardversion="2.25">
                  <itemMeta><itemClass qcode="ninat:picture"/><provider qcode="nprov:AFP"/><versionCreated>2019-01-04T10:50:00Z</versionCreated></itemMeta>
                  <contentMeta><headline>The Prime Minister in the Assembly</headline><description>The Prime Minister speaks.</description></contentMeta>
                </newsItem>
              </itemSet>
            </newsMessage>
            """;
        var items = Read("wire/message.newsml", newsml);
        Article story = Assert.Single(Articles(items));
        Assert.Equal(("French government survives confidence vote", "Jeanne Martin", "2019-01-04", "AFP"), (story.Title, story.Author, story.Published, story.Source));
        Assert.Equal(["politics"], story.Tags);
        Assert.Equal("en", story.Language);
        Assert.Equal("The French government survived a confidence vote on Friday.\n\nThe vote ended a week of debate.", story.Body);
        Assert.Equal("a news item of class ninat:picture (not text), not an article", Assert.Single(Problems(items)).Reason);
    }

    [Fact]
    public void A_feed_that_breaks_part_way_keeps_the_items_before_and_says_where()
    {
        string broken = Rss.Replace("<title>Ferry timetable changes</title>", "<title>Ferry & timetable</title>");
        var items = Read("broken.xml", broken);
        Assert.Single(Articles(items));
        var problem = Assert.Single(Problems(items));
        Assert.StartsWith("invalid XML at line 18, column 19: ", problem.Reason);
        Assert.Equal(18, problem.Line);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://x.example/</loc></url></urlset>", FileDisposition.Ignored)]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- a feed -->\n<!DOCTYPE rss>\n<rss version=\"2.0\"><channel/></rss>", FileDisposition.Read)]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>", FileDisposition.Read)]
    public void Only_xml_that_is_news_is_read(string xml, FileDisposition disposition)
    {
        Assert.Equal(disposition, ReaderRegistry.Default.Resolve("file.xml", Encoding.UTF8.GetBytes(xml)).Disposition);
    }

    /// <summary>Read and enriched as a build does (enrichment reads markup in records' text).</summary>
    internal static List<ReadItem> Read(string relative, string xml)
    {
        using var dir = new TempDir();
        SourceFile file = WriteText(dir, relative, xml);
        var items = new XmlNewsReader().Read(file).ToList();
        foreach (var item in items.Where(i => i.Article != null))
            ArticleEnricher.Enrich(item.Article!, file);
        return items;
    }
}
