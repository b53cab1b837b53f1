using System.ComponentModel;
using System.Diagnostics;

namespace Search.Cli.Rendering;

/// <summary>
/// Shows long output a screen at a time, as `git log` does: through $PAGER, else `less -R` (which
/// keeps colours, quits when the text fits one screen and leaves it on the screen), else a
/// built-in --More-- prompt. Only when both stdin and stdout are a terminal; otherwise, and when
/// the text fits the screen, the lines are simply written. A pager that cannot be started or
/// fails (PAGER=false, a misspelt name) never hides the text: it is written here, after a note.
/// </summary>
public static class Pager
{
    public static void Show(Output o, IReadOnlyList<string> lines)
    {
        int height = o.Height;
        string? asked = Environment.GetEnvironmentVariable("PAGER") is { Length: > 0 } p ? p : null;
        if (!o.OutputIsTerminal || !o.InputIsTerminal || height < 3 || lines.Count < height || asked == "cat")
        {
            WriteAll(o, lines);
            return;
        }
        // Without a shell, or with neither $PAGER nor less, the built-in prompt is the pager.
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh") || (asked == null && !OnPath("less")))
        {
            More(o, lines, height);
            return;
        }
        string pager = asked ?? "less";
        if (External(pager == "less" ? "exec less -RFX" : "exec " + pager, lines) is { } failure)
        {
            o.Error($"pager '{pager}' {failure}; showing the text here");
            WriteAll(o, lines);
        }
    }

    private static void WriteAll(Output o, IReadOnlyList<string> lines)
    {
        foreach (string line in lines)
            o.Out.WriteLine(line);
    }

    /// <summary>Pipes the lines through <paramref name="command"/> run by /bin/sh (so $PAGER may
    /// carry options); null when the pager ran, else what went wrong.</summary>
    private static string? External(string command, IReadOnlyList<string> lines)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return "could not be started";
        }
        if (process == null)
            return "could not be started";
        using (process)
        {
            try
            {
                foreach (string line in lines)
                    process.StandardInput.WriteLine(line);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The reader quit before the end (q in less), or never read: its exit status tells which.
            }
            process.WaitForExit();
            return process.ExitCode switch
            {
                0 => null,
                126 or 127 => "could not be started", // the shell's "not executable" and "not found"
                > 128 => null, // ended by a signal: the reader stopped it (Ctrl-C), do not show it all again
                int code => $"failed (exit status {code})",
            };
        }
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
