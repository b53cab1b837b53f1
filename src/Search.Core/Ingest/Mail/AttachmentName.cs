using Search.Core.Ingest.Html;

namespace Search.Core.Ingest.Mail;

/// <summary>
/// The file name a part of a message gives itself, as mail programs write it: the
/// <c>Content-Disposition</c>'s <c>filename</c>, else the <c>Content-Type</c>'s <c>name</c>, with
/// RFC 2231's encoded and continued forms (<c>filename*=UTF-8''r%C3%A9sum%C3%A9.pdf</c>,
/// <c>filename*0*=</c>, <c>filename*1*=</c>: Thunderbird, Apple Mail) and RFC 2047's encoded words
/// inside the quotes (<c>"=?UTF-8?B?…?="</c>: Outlook, Gmail) decoded; then made safe to be one
/// segment of an article's id.
/// </summary>
internal static class AttachmentName
{
    /// <summary>Longest name kept, in characters: a name is one segment of an id.</summary>
    private const int MaxLength = 160;

    /// <summary>The part's own name, decoded and made safe; null when it gives none.</summary>
    public static string? Of(Dictionary<string, string> headers) =>
        Safe(Parameter(headers.GetValueOrDefault("Content-Disposition"), "filename")
            ?? Parameter(headers.GetValueOrDefault("Content-Type"), "name"));

    /// <summary>A parameter of a header value, in any of the forms RFC 2045, 2231 and 2047 allow.</summary>
    public static string? Parameter(string? value, string name)
    {
        if (value == null)
            return null;
        string? plain = null;
        var sections = new SortedDictionary<int, (string Text, bool Encoded)>();
        foreach (var (key, text) in Parameters(value))
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                plain ??= text;
            else if (key.Length > name.Length && key[name.Length] == '*' && key.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                // name*=, name*0=, name*0*=, name*1*=: an extended value, whole or a section of one.
                string section = key[(name.Length + 1)..];
                bool encoded = section.EndsWith('*') || section.Length == 0;
                section = section.TrimEnd('*');
                int number = section.Length == 0 ? 0 : int.TryParse(section, out int n) && n is >= 0 and < 1000 ? n : -1;
                if (number >= 0)
                    sections.TryAdd(number, (text, encoded));
            }
        }
        return sections.ContainsKey(0) ? Extended(sections) : plain == null ? null : Mime.DecodeWords(RawUtf8(plain));
    }

    /// <summary>Headers are read as Latin-1, a character a byte; a name written in UTF-8 as it is
    /// (RFC 6532, as Gmail and Apple Mail send it now) is read back as UTF-8.</summary>
    private static string RawUtf8(string value)
    {
        if (value.All(char.IsAscii) || value.Any(c => c > 255))
            return value;
        try
        {
            return StrictUtf8.GetString(Encoding.Latin1.GetBytes(value));
        }
        catch (DecoderFallbackException)
        {
            return value; // Latin-1 after all
        }
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The parameters after a header's value, split at semicolons outside quotes, unquoted.</summary>
    private static IEnumerable<(string Key, string Value)> Parameters(string value)
    {
        int at = value.IndexOf(';');
        while (at >= 0 && at < value.Length)
        {
            int equals = value.IndexOf('=', at + 1), semicolon = value.IndexOf(';', at + 1);
            if (equals < 0)
                yield break;
            if (semicolon >= 0 && semicolon < equals)
            {
                at = semicolon; // a parameter without a value
                continue;
            }
            string key = value[(at + 1)..equals].Trim();
            var text = new StringBuilder();
            int i = equals + 1;
            while (i < value.Length && value[i] == ' ')
                i++;
            if (i < value.Length && value[i] == '"')
            {
                for (i++; i < value.Length && value[i] != '"'; i++)
                {
                    if (value[i] == '\\' && i + 1 < value.Length)
                        i++;
                    text.Append(value[i]);
                }
                int next = value.IndexOf(';', Math.Min(i, value.Length));
                at = next;
            }
            else
            {
                int next = value.IndexOf(';', i);
                text.Append(value[i..(next < 0 ? value.Length : next)].Trim());
                at = next;
            }
            yield return (key, text.ToString());
        }
    }

    /// <summary>RFC 2231's value from its sections in order (<c>charset'language'</c> on the first,
    /// <c>%XX</c> bytes in the encoded ones), decoded in the charset it names.</summary>
    private static string Extended(SortedDictionary<int, (string Text, bool Encoded)> sections)
    {
        var bytes = new List<byte>();
        Encoding encoding = Encoding.UTF8;
        int expected = 0;
        foreach (var (number, (text, encoded)) in sections)
        {
            if (number != expected++)
                break; // a missing section: the name is what came before it
            string piece = text;
            if (number == 0 && encoded && piece.Split('\'') is { Length: >= 3 } parts)
            {
                encoding = HtmlCharset.ByName(parts[0]) ?? Encoding.UTF8;
                piece = string.Join('\'', parts[2..]);
            }
            for (int i = 0; i < piece.Length; i++)
            {
                if (encoded && piece[i] == '%' && i + 2 < piece.Length && Uri.IsHexDigit(piece[i + 1]) && Uri.IsHexDigit(piece[i + 2]))
                {
                    bytes.Add((byte)((Uri.FromHex(piece[i + 1]) << 4) | Uri.FromHex(piece[i + 2])));
                    i += 2;
                }
                else
                    bytes.AddRange(piece[i] < 256 ? [(byte)piece[i]] : Encoding.UTF8.GetBytes(piece[i].ToString()));
            }
        }
        return encoding.GetString(bytes.ToArray());
    }

    /// <summary>A name safe as one segment of an id: its last segment when it is a path (old mail
    /// programs sent <c>C:\Users\…\report.pdf</c>), no control characters, not <c>.</c> or <c>..</c>,
    /// at most <see cref="MaxLength"/> characters with its extension kept; null when nothing is left.</summary>
    public static string? Safe(string? name)
    {
        if (name == null)
            return null;
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Trim('.').Length == 0)
            return null;
        if (name.Length > MaxLength)
        {
            string extension = ReaderRegistry.ExtensionOf(name);
            extension = extension.Length < 16 ? extension : "";
            name = name[..(MaxLength - extension.Length)].TrimEnd() + extension;
        }
        return name;
    }

    /// <summary><paramref name="name"/>, or, when a part of the same message already has it (in any
    /// case), the name with <c> (2)</c>, <c> (3)</c>… before its extension, as browsers save a second
    /// download; the name returned is added to <paramref name="taken"/>.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        string extension = ReaderRegistry.ExtensionOf(name);
        string stem = name[..^extension.Length];
        string unique = name;
        for (int n = 2; !taken.Add(unique); n++)
            unique = $"{stem} ({n}){extension}";
        return unique;
    }
}
