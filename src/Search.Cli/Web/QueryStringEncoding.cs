using System.Globalization;
using System.Text;

namespace Search.Cli.Web;

/// <summary>
/// Refuses a query string whose percent-escapes are not UTF-8 (<c>q=caf%E9</c>, café as a client
/// set to Latin-1 sends it). The server keeps such escapes as the characters <c>%E9</c>, so the
/// search would run for "caf%E9" and answer nothing, saying nothing of why. A <c>%</c> that starts no
/// escape (<c>q=100%</c>) is a percent sign, as the server reads it, and is left alone.
/// </summary>
public static class QueryStringEncoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Throws <see cref="ApiError"/> (400) naming the parameter and the escapes that are
    /// no UTF-8; <paramref name="raw"/> is the query string as sent (<c>?q=...</c>).</summary>
    public static void Check(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || !raw.Contains('%', StringComparison.Ordinal))
            return;
        foreach (string pair in raw.TrimStart('?').Split('&'))
        {
            int i = 0;
            while ((i = pair.IndexOf('%', i)) >= 0)
            {
                int end = EndOfEscapes(pair, i);
                if (end == i)
                {
                    i++;
                    continue;
                }
                string run = pair[i..end];
                if (!IsUtf8(run))
                {
                    int eq = pair.IndexOf('=', StringComparison.Ordinal);
                    string name = eq < 0 ? pair : pair[..eq];
                    throw ApiError.BadRequest($"{ApiQuery.Shorten(Uri.UnescapeDataString(name))} holds {ApiQuery.Shorten(run)}, which is not UTF-8: "
                        + "a query string is percent-encoded UTF-8 (é is %C3%A9, not %E9)");
                }
                i = end;
            }
        }
    }

    /// <summary>Where the escapes (%XX, back to back) starting at <paramref name="start"/> end.</summary>
    private static int EndOfEscapes(string s, int start)
    {
        int i = start;
        while (i + 2 < s.Length && s[i] == '%' && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            i += 3;
        return i;
    }

    private static bool IsUtf8(string run)
    {
        var bytes = new byte[run.Length / 3];
        for (int k = 0; k < bytes.Length; k++)
            bytes[k] = byte.Parse(run.AsSpan(3 * k + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        try
        {
            Strict.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
