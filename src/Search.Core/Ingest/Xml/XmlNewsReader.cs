using System.Xml;
using System.Xml.Linq;

namespace Search.Core.Ingest.Xml;

/// <summary>
/// Reads news as XML: saved feeds (RSS 2.0, RSS 1.0, Atom; <c>.rss</c>, <c>.atom</c>, <c>.xml</c>)
/// with one article per item, and what wire services deliver: NITF (one article) and IPTC
/// NewsML-G2 (one article per news item); and notes exported from Evernote (<c>.enex</c>, one
/// article per note: reporters' web clippings). An <c>.xml</c> file is taken only when its root element
/// is one of these (a sitemap or a settings file stays ignored). Streamed an item at a time, so a
/// feed of any size is read in bounded memory; record numbers are items' places in the file, ids
/// <c>file.xml#N</c>. Markup in an item's text (a feed's <c>description</c>) is read as the text it
/// shows by enrichment, as for CSV and JSON records. HTML's named entities, which NITF's DTD
/// declares and feeds use undeclared, are read as their characters (<see cref="HtmlEntityReader"/>).
/// XML that breaks part-way keeps the items before the break, and the break is reported with its line.
/// </summary>
public sealed class XmlNewsReader : IArticleReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore, // a DOCTYPE is allowed, never fetched or expanded
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public string Format => "xml";

    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension is ".rss" or ".atom" or ".nitf" or ".enex" || (extension is ".xml" or ".newsml" && NewsXml.KindOf(RootName(head)) != NewsKind.None);

    public IEnumerable<ReadItem> Read(SourceFile file) => TextDecoding.ReadRecords(file, Read);

    public IEnumerable<ReadItem> Read(SourceFile file, string text) => Read(new StringReader(text), file);

    /// <summary>Reads XML news from <paramref name="text"/> (for files already open, and tests).</summary>
    public static IEnumerable<ReadItem> Read(TextReader text, SourceFile file)
    {
        using var xml = XmlReader.Create(new HtmlEntityReader(text), Settings);
        var lines = (IXmlLineInfo)xml;
        int record = 0;
        NewsKind kind = NewsKind.None;
        while (true)
        {
            XElement? element = null;
            int line = 0;
            RecordProblem? problem = null;
            try
            {
                if (kind == NewsKind.None)
                {
                    xml.MoveToContent();
                    kind = NewsXml.KindOf(xml.LocalName);
                    if (kind == NewsKind.None)
                        problem = new(RecordProblem.WholeFile, $"not a news feed, wire story or note export: the root element is <{xml.Name}> (RSS, Atom, NITF, NewsML-G2 and Evernote's ENEX are read)");
                    else if (kind == NewsKind.Nitf)
                        (line, element) = (lines.LineNumber, (XElement)XNode.ReadFrom(xml));
                }
                if (problem == null && element == null && kind != NewsKind.Nitf)
                    (line, element) = NextItem(xml, kind, lines);
            }
            catch (XmlException e)
            {
                problem = new(Math.Max(1, e.LineNumber), $"invalid XML at line {e.LineNumber}, column {e.LinePosition}: {e.Message.Split(" Line ")[0].TrimEnd('.', ' ')}; the rest of the file is not read");
            }
            if (problem != null)
            {
                yield return new ReadItem(null, problem);
                yield break;
            }
            if (element == null)
                yield break;
            record++;
            yield return NewsXml.Article(element, kind, file, record, line);
            if (kind == NewsKind.Nitf)
                yield break;
        }
    }

    /// <summary>The next item of a feed or news message, read whole (an item is small), with its line.</summary>
    private static (int Line, XElement? Item) NextItem(XmlReader xml, NewsKind kind, IXmlLineInfo lines)
    {
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && NewsXml.IsItem(xml.LocalName, kind))
            {
                int line = lines.LineNumber;
                return (line, (XElement)XNode.ReadFrom(xml));
            }
            xml.Read();
        }
        return (0, null);
    }

    /// <summary>The root element's local name from the file's first bytes: after the XML
    /// declaration, comments and a DOCTYPE.</summary>
    internal static string RootName(ReadOnlySpan<byte> head)
    {
        string text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, TextDecoding.HeadSize)]);
        int at = 0;
        while ((at = text.IndexOf('<', at)) >= 0 && at + 1 < text.Length)
        {
            char next = text[at + 1];
            if (next is '?' or '!')
            {
                int end = text.IndexOf(next == '!' && text.AsSpan(at).StartsWith("<!--") ? "-->" : ">", at, StringComparison.Ordinal);
                if (end < 0)
                    return "";
                at = end + 1;
                continue;
            }
            int nameEnd = text.IndexOfAny([' ', '>', '/', '\t', '\r', '\n'], at + 1);
            string name = nameEnd < 0 ? text[(at + 1)..] : text[(at + 1)..nameEnd];
            int colon = name.IndexOf(':');
            return colon >= 0 ? name[(colon + 1)..] : name;
        }
        return "";
    }
}
