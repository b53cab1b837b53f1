namespace Search.Cli.Rendering;

/// <summary>
/// Where the CLI writes and reads, and whether it may use colour. Colour only on a terminal, and
/// never when NO_COLOR is set (https://no-color.org). Tests pass their own writers, and may fix
/// the width, height and colour to see what a terminal of that size would show.
/// </summary>
public sealed class Output(TextReader input, TextWriter output, TextWriter error, bool inputIsTerminal, bool outputIsTerminal, bool errorIsTerminal,
    int? width = null, bool? color = null, int? height = null)
{
    /// <summary>This output with <see cref="Out"/> batched until flushed (<see cref="BatchedWriter"/>);
    /// errors flush it first, so the two keep their order.</summary>
    public Output Batched()
    {
        var batch = new BatchedWriter(Out);
        return new Output(In, batch, new AfterBatchWriter(Err, batch), InputIsTerminal, OutputIsTerminal, ErrorIsTerminal, width, Color, height);
    }

    public static Output ForConsole() => new(Console.In, Console.Out, Console.Error,
        !Console.IsInputRedirected, !Console.IsOutputRedirected, !Console.IsErrorRedirected);

    public TextReader In => input;
    public TextWriter Out => output;
    public TextWriter Err => error;
    public bool InputIsTerminal => inputIsTerminal;
    public bool OutputIsTerminal => outputIsTerminal;
    public bool ErrorIsTerminal => errorIsTerminal;

    /// <summary>Whether <see cref="Out"/> may carry colour: as asked, else on a terminal unless NO_COLOR is set.</summary>
    public bool Color { get; } = color ?? (outputIsTerminal && !NoColorAsked());

    /// <summary>Whether <see cref="Err"/> may carry colour.</summary>
    public bool ErrorColor { get; } = errorIsTerminal && !NoColorAsked();

    private static bool NoColorAsked() => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Columns to wrap text at: the terminal's width, or 0 (no wrapping) when redirected.</summary>
    public int Width => width ?? (OutputIsTerminal ? TerminalWidth() : 0);

    /// <summary>Columns of the terminal stderr shows on (progress lines are fitted to it), 0 when redirected.</summary>
    public int ErrorWidth => width ?? (ErrorIsTerminal ? TerminalWidth() : 0);

    /// <summary>Rows of the terminal (as asked), 0 when not a terminal.</summary>
    public int Height
    {
        get
        {
            if (height is { } rows)
                return rows;
            if (!OutputIsTerminal)
                return 0;
            try { return Console.WindowHeight; }
            catch (IOException) { return 0; }
        }
    }

    /// <summary>Columns a highlight marker takes: none as colour, two as `**`.</summary>
    public int MarkerWidth => Color ? 0 : 2;

    private static int TerminalWidth()
    {
        try { return Console.WindowWidth; }
        catch (IOException) { return 0; }
    }

    public string Bold(string s) => Color ? $"\u001b[1m{s}\u001b[0m" : s;
    public string Dim(string s) => Color ? $"\u001b[2m{s}\u001b[0m" : s;
    public string Cyan(string s) => Color ? $"\u001b[36m{s}\u001b[0m" : s;
    public string Green(string s) => Color ? $"\u001b[32m{s}\u001b[0m" : s;

    /// <summary>Prints an error to stderr, "search: " first: one line for scripts and logs, wrapped
    /// at word boundaries under its text when stderr is a terminal narrower than the message. What
    /// it quotes (a query as typed, an id) shows its control characters as marks (<see cref="TerminalText"/>).</summary>
    public void Error(string message) =>
        TextWrap.WriteHanging(Err, ErrorColor ? "\u001b[31msearch:\u001b[0m " : "search: ", "search: ".Length, TerminalText.Safe(message), ErrorWidth);
}
