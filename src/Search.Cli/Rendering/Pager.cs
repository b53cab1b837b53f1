using System.ComponentModel;
using System.Diagnostics;

namespace Search.Cli.Rendering;

/// <summary>
/// Shows long output a screen at a time, as `git log` does: through $PAGER, else `less -R` (which
/// keeps colours, quits when the text fits one screen and leaves it on the screen), else a
/// built-in --More-- prompt. Only when both stdin and stdout are a terminal; otherwise, and when
/// the text fits the screen, the lines are simply written.
/// </summary>
public static class Pager
{
    public static void Show(Output o, IReadOnlyList<string> lines)
    {
        int height = o.Height;
        if (!o.OutputIsTerminal || !o.InputIsTerminal || height < 3 || lines.Count < height)
        {
            foreach (string line in lines)
                o.Out.WriteLine(line);
            return;
        }
        if (!External(lines))
            More(o, lines, height);
    }

    /// <summary>Pipes the lines through $PAGER or less; false when neither can be started.</summary>
    private static bool External(IReadOnlyList<string> lines)
    {
        string pager = Environment.GetEnvironmentVariable("PAGER") is { Length: > 0 } p ? p : "less";
        if (pager == "cat")
            return false;
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(pager == "less" ? "exec less -RFX" : "exec " + pager);
        try
        {
            if (!OperatingSystem.IsWindows() && File.Exists("/bin/sh") && (pager != "less" || OnPath("less")))
            {
                using var process = Process.Start(start);
                if (process == null)
                    return false;
                try
                {
                    foreach (string line in lines)
                        process.StandardInput.WriteLine(line);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The reader quit before the end (q in less): nothing more to show.
                }
                process.WaitForExit();
                return true;
            }
        }
        catch (Win32Exception)
        {
        }
        return false;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>A screen at a time: space for the next screen, Enter for one more line, q to stop.</summary>
    private static void More(Output o, IReadOnlyList<string> lines, int height)
    {
        int shown = 0, page = height - 1;
        while (shown < lines.Count)
        {
            int until = Math.Min(lines.Count, shown + page);
            for (; shown < until; shown++)
                o.Out.WriteLine(lines[shown]);
            if (shown >= lines.Count)
                break;
            o.Out.Write(o.Color ? "\u001b[7m--More--\u001b[0m" : "--More--");
            var key = Console.ReadKey(intercept: true);
            o.Out.Write("\r        \r");
            if (key.KeyChar is 'q' or 'Q' || key.Key == ConsoleKey.Escape)
                break;
            page = key.Key == ConsoleKey.Enter ? 1 : height - 1;
        }
    }
}
