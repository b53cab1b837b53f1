namespace Search.Cli.Interactive;

/// <summary>One console command: its name and aliases, the arguments it takes, one line of help,
/// and what it does with the rest of the line.</summary>
public sealed record ConsoleVerb(string Name, IReadOnlyList<string> Aliases, string Arguments, string Help, Action<string> Run)
{
    /// <summary>How `:help` shows it: `:show, :s #N|ID`.</summary>
    public string Usage => string.Join(", ", Aliases.Prepend(Name)) + (Arguments.Length == 0 ? "" : " " + Arguments);
}
