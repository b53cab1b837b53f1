using System.IO.Compression;
using System.Text;
using Search.Core.Ingest;
using Xunit;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest;

/// <summary>Gzip data is whole only when it ends where its trailer says: cut anywhere, even between
/// two records, it is not; several members (`cat a.gz b.gz`) are whole when each is.</summary>
public sealed class GzipEndTests
{
    private static readonly byte[] Records = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000)
        .Select(i => $"{{\"id\":\"r{i}\",\"title\":\"Title {i}\",\"body\":\"Record {i} on the harbour strike, day {i % 31}\"}}\n")));

    /// <summary>What <see cref="CheckedGunzipStream"/> expands, and why it ended early.</summary>
    private static (long Expanded, string? Error) Expand(byte[] compressed)
    {
        long total = 0;
        using var gunzip = new CheckedGunzipStream(new MemoryStream(compressed));
        var buffer = new byte[8192];
        int n;
        while ((n = gunzip.Read(buffer)) > 0)
            total += n;
        Assert.Equal(0, gunzip.Read(buffer)); // ended: stays ended
        return (total, gunzip.Problem);
    }

    [Fact]
    public void A_whole_file_expands_without_error()
    {
        var (expanded, error) = Expand(Gzipped(Records));
        Assert.Null(error);
        Assert.Equal(Records.Length, expanded);
    }

    [Fact]
    public void A_file_cut_anywhere_is_cut_short_though_dotnet_expands_it_quietly()
    {
        byte[] whole = Gzipped(Records);
        foreach (int cut in new[] { whole.Length - 1, whole.Length - 4, whole.Length - 8, whole.Length - 9, whole.Length * 3 / 4, whole.Length / 2, 100 })
        {
            var (_, error) = Expand(whole[..cut]);
            Assert.True(error != null, $"cut at {cut} of {whole.Length}");
            Assert.StartsWith("gzip data cut short after ", error);
        }
    }

    [Fact]
    public void A_file_cut_between_two_records_is_cut_short()
    {
        // Two members, the second one's records lost with its whole member but its start kept:
        // the text ends on a record boundary, and only the trailer can tell.
        byte[] first = Gzipped(Records[..(Records.Length / 2)]);
        byte[] cutSecond = Gzipped(Records[(Records.Length / 2)..])[..40];
        var (_, error) = Expand([.. first, .. cutSecond]);
        Assert.NotNull(error);
    }

    [Fact]
    public void Several_whole_members_are_whole_and_a_cut_in_the_last_is_not()
    {
        int third = Records.Length / 3;
        byte[] joined = [.. Gzipped(Records[..third]), .. Gzipped(Records[third..(2 * third)]), .. Gzipped(Records[(2 * third)..])];
        var (expanded, error) = Expand(joined);
        Assert.Null(error);
        Assert.Equal(Records.Length, expanded);
        Assert.NotNull(Expand(joined[..^5]).Error);
        Assert.NotNull(Expand(joined[..^100]).Error);
    }

    [Fact]
    public void Damaged_data_says_so_and_where()
    {
        byte[] damaged = Gzipped(Records);
        for (int i = damaged.Length / 2; i < damaged.Length / 2 + 40; i++)
            damaged[i] ^= 0x5A;
        var (_, error) = Expand(damaged);
        Assert.NotNull(error);
        Assert.Matches("^gzip data (damaged|cut short) after [0-9,]+ bytes of text", error);
    }

    [Fact]
    public void Unwrap_refuses_a_cut_page_with_the_same_words()
    {
        byte[] page = Gzipped(Encoding.UTF8.GetBytes("<html><body><p>" + string.Concat(Enumerable.Repeat("The harbour reopened. ", 400)) + "</p></body></html>"));
        Assert.Equal(Encoding.UTF8.GetByteCount("<html><body><p>") + 22 * 400 + Encoding.UTF8.GetByteCount("</p></body></html>"), Gzip.Unwrap(page).Length);
        var e = Assert.Throws<InvalidDataException>(() => Gzip.Unwrap(page.AsMemory(0, page.Length - 6)));
        Assert.StartsWith("cut short after ", e.Message);
    }
}
