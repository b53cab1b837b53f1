using Search.Core.Indexing;

namespace Search.Cli.Rendering;

/// <summary>
/// Build progress on stderr: a redrawn bar on a terminal (files, articles, MB/s, ETA), a plain
/// line every five seconds when redirected, nothing when quiet.
/// </summary>
public sealed class ProgressDisplay
{
    private readonly Output _o;
    private readonly bool _quiet;
    private TimeSpan _lastLine = TimeSpan.Zero;
    private bool _drawn;

    public ProgressDisplay(Output output, bool quiet)
    {
        _o = output;
        _quiet = quiet;
    }

    public void Report(BuildProgress p)
    {
        if (_quiet)
            return;
        double seconds = Math.Max(0.001, p.Elapsed.TotalSeconds);
        // The rate counts bytes actually read; the bar and the ETA count bytes dealt with (files
        // skipped as unchanged too), inside files as well, so one big file shows real progress.
        double mbps = p.BytesRead / 1048576.0 / seconds;
        // Until a little of the work is done a rate means nothing: no ETA rather than a wild one.
        string eta = p.BytesDone * 50 >= p.BytesTotal && p.BytesTotal > p.BytesDone
            ? Formats.Duration(TimeSpan.FromSeconds((p.BytesTotal - p.BytesDone) / (p.BytesDone / seconds)))
            : "-";
        string[] parts =
        {
            $"{Formats.N(p.FilesDone)}/{Formats.N(p.FilesTotal)} files",
            $"{Formats.N(p.Articles)} articles",
            $"ETA {eta}",
            $"{Formats.Bytes(p.BytesDone)} of {Formats.Bytes(p.BytesTotal)}",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{mbps:0.0} MB/s"),
        };
        string text = string.Join(" · ", parts);
        lock (this)
        {
            if (_o.ErrorIsTerminal)
            {
                double done = p.BytesTotal == 0 ? 1 : Math.Min(1.0, p.BytesDone / (double)p.BytesTotal);
                _o.Err.Write("\r" + Line(done, parts, _o.ErrorWidth) + "\u001b[K");
                _drawn = true;
            }
            else if (p.Elapsed - _lastLine >= TimeSpan.FromSeconds(5))
            {
                _lastLine = p.Elapsed;
                _o.Err.WriteLine("indexing: " + text);
            }
        }
    }

    /// <summary>The bar and as many parts as fit in <paramref name="width"/> - 1 cells (a line as wide
    /// as the terminal wraps on some terminals, and each redraw would then start a new line): the
    /// least useful parts go first, then the bar shrinks. Width 0 (unknown): everything.</summary>
    public static string Line(double done, IReadOnlyList<string> parts, int width)
    {
        int room = width > 0 ? width - 1 : int.MaxValue;
        for (int shown = parts.Count; shown >= 1; shown--)
        {
            string text = string.Join(" · ", parts.Take(shown));
            int textCells = Cells.Of(text);
            int bar = Math.Min(MaxBar, room - textCells - 3);
            if (bar >= MinBar)
                return Bar(done, bar) + " " + text;
            if (shown == 1 && textCells <= room)
                return text;
        }
        return Cells.Fit(parts[0], room);
    }

    private const int MaxBar = 24;
    private const int MinBar = 8;

    private static string Bar(double done, int width)
    {
        int filled = (int)(width * done);
        return $"[{new string('#', filled)}{new string('.', width - filled)}]";
    }

    public void Done()
    {
        lock (this)
        {
            if (_drawn)
                _o.Err.Write("\r\u001b[K");
            _drawn = false;
        }
    }
}
