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
        string text = $"{Formats.N(p.FilesDone)}/{Formats.N(p.FilesTotal)} files · {Formats.Bytes(p.BytesDone)} of {Formats.Bytes(p.BytesTotal)} · {Formats.N(p.Articles)} articles · {mbps:0.0} MB/s · ETA {eta}";
        lock (this)
        {
            if (_o.ErrorIsTerminal)
            {
                int width = 24;
                int filled = p.BytesTotal == 0 ? width : (int)(width * Math.Min(1.0, p.BytesDone / (double)p.BytesTotal));
                _o.Err.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {text}\u001b[K");
                _drawn = true;
            }
            else if (p.Elapsed - _lastLine >= TimeSpan.FromSeconds(5))
            {
                _lastLine = p.Elapsed;
                _o.Err.WriteLine("indexing: " + text);
            }
        }
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
