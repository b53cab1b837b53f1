using System.Text;

namespace Search.Cli.Interactive;

/// <summary>
/// Reads a line from a terminal with editing and history: ←/→, Home/End (Ctrl-A/E), Backspace,
/// Delete, Ctrl-U/Ctrl-K/Ctrl-W, ↑/↓ through history (kept across sessions in a file), Ctrl-C
/// clears the line, Ctrl-D on an empty line ends input. Long lines scroll horizontally.
/// </summary>
public sealed class LineEditor
{
    private const int MaxHistory = 1000;

    private readonly string? _historyFile;
    private readonly List<string> _history = new();

    public LineEditor(string? historyFile)
    {
        _historyFile = historyFile;
        if (historyFile != null && File.Exists(historyFile))
        {
            try { _history.AddRange(File.ReadAllLines(historyFile).Where(l => l.Length > 0).TakeLast(MaxHistory)); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    public static string DefaultHistoryFile()
    {
        string dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "search", "history");
    }

    /// <summary>The next line, or null at end of input (Ctrl-D).</summary>
    public string? ReadLine(string prompt)
    {
        var line = new StringBuilder();
        int cursor = 0;
        int historyIndex = _history.Count;
        string pending = "";
        bool previous = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            Console.Write(prompt);
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                bool ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        Console.WriteLine();
                        string result = line.ToString();
                        Remember(result);
                        return result;
                    case ConsoleKey.C when ctrl:
                        Console.WriteLine("^C");
                        Console.Write(prompt);
                        line.Clear();
                        cursor = 0;
                        historyIndex = _history.Count;
                        continue;
                    case ConsoleKey.D when ctrl:
                        if (line.Length == 0)
                        {
                            Console.WriteLine();
                            return null;
                        }
                        if (cursor < line.Length) line.Remove(cursor, 1);
                        break;
                    case ConsoleKey.A when ctrl: cursor = 0; break;
                    case ConsoleKey.E when ctrl: cursor = line.Length; break;
                    case ConsoleKey.U when ctrl: line.Remove(0, cursor); cursor = 0; break;
                    case ConsoleKey.K when ctrl: line.Length = cursor; break;
                    case ConsoleKey.W when ctrl:
                        int start = cursor;
                        while (start > 0 && line[start - 1] == ' ') start--;
                        while (start > 0 && line[start - 1] != ' ') start--;
                        line.Remove(start, cursor - start);
                        cursor = start;
                        break;
                    case ConsoleKey.L when ctrl: Console.Clear(); Console.Write(prompt); break;
                    case ConsoleKey.Home: cursor = 0; break;
                    case ConsoleKey.End: cursor = line.Length; break;
                    case ConsoleKey.LeftArrow: if (cursor > 0) cursor--; break;
                    case ConsoleKey.RightArrow: if (cursor < line.Length) cursor++; break;
                    case ConsoleKey.Backspace:
                        if (cursor > 0) { line.Remove(cursor - 1, 1); cursor--; }
                        break;
                    case ConsoleKey.Delete:
                        if (cursor < line.Length) line.Remove(cursor, 1);
                        break;
                    case ConsoleKey.UpArrow:
                    case ConsoleKey.DownArrow:
                        if (historyIndex == _history.Count) pending = line.ToString();
                        historyIndex = Math.Clamp(historyIndex + (key.Key == ConsoleKey.UpArrow ? -1 : 1), 0, _history.Count);
                        line.Clear().Append(historyIndex == _history.Count ? pending : _history[historyIndex]);
                        cursor = line.Length;
                        break;
                    default:
                        if (key.KeyChar >= ' ' && !ctrl)
                        {
                            line.Insert(cursor, key.KeyChar);
                            cursor++;
                        }
                        break;
                }
                Redraw(prompt, line, cursor);
            }
        }
        finally
        {
            Console.TreatControlCAsInput = previous;
        }
    }

    private static void Redraw(string prompt, StringBuilder line, int cursor)
    {
        int width = Math.Max(20, SafeWidth() - prompt.Length - 1);
        int offset = cursor > width ? cursor - width : 0;
        string visible = line.ToString(offset, Math.Min(width, line.Length - offset));
        Console.Write($"\r{prompt}{visible}\u001b[K");
        int back = offset + visible.Length - cursor;
        if (back > 0)
            Console.Write($"\u001b[{back}D");
    }

    private static int SafeWidth()
    {
        try { return Console.WindowWidth; }
        catch (IOException) { return 80; }
    }

    private void Remember(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_history.Count > 0 && _history[^1] == line))
            return;
        _history.Add(line);
        if (_historyFile == null)
            return;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_historyFile)!);
            File.AppendAllLines(_historyFile, new[] { line });
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
