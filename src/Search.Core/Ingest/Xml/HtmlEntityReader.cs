using System.Net;

namespace Search.Core.Ingest.Xml;

/// <summary>
/// Text read on to an XML parser with HTML's named entities (<c>&amp;eacute;</c>, <c>&amp;nbsp;</c>,
/// <c>&amp;mdash;</c>) replaced by their characters. NITF's DTD declares them and wire stories use
/// them; feeds use them without declaring them. The parser reads no DTD, so it would stop at the
/// first one. XML's own five and numeric references stay; an unknown name stays for the parser
/// to report. Read a line at a time, so line numbers are kept.
/// </summary>
internal sealed partial class HtmlEntityReader(TextReader inner) : TextReader
{
    private string _line = "";
    private int _at;

    public override int Read(char[] buffer, int index, int count)
    {
        if (_at == _line.Length)
        {
            string? next = inner.ReadLine();
            if (next == null)
                return 0;
            _line = Replace(next) + "\n";
            _at = 0;
        }
        int n = Math.Min(count, _line.Length - _at);
        _line.CopyTo(_at, buffer, index, n);
        _at += n;
        return n;
    }

    public override int Read()
    {
        var one = new char[1];
        return Read(one, 0, 1) == 0 ? -1 : one[0];
    }

    public override int Peek() => _at < _line.Length ? _line[_at] : -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>A line with its HTML named entities replaced.</summary>
    internal static string Replace(string line) =>
        !line.Contains('&') ? line : NamedEntity().Replace(line, m =>
        {
            string name = m.Groups[1].Value;
            if (name is "amp" or "lt" or "gt" or "quot" or "apos")
                return m.Value;
            string decoded = WebUtility.HtmlDecode(m.Value);
            return decoded == m.Value ? m.Value : decoded;
        });

    [GeneratedRegex(@"&([A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex NamedEntity();
}
