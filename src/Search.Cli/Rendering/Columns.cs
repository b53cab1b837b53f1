namespace Search.Cli.Rendering;

/// <summary>
/// Two columns, names and their explanations, as help shows options and console commands: the
/// explanation wrapped at word boundaries to the width; a name too wide for the first column gets
/// a line of its own. Width below <see cref="TextWrap.MinWidth"/> (not a terminal): not wrapped.
/// </summary>
public static class Columns
{
    public static void Write(TextWriter w, IReadOnlyList<(string Name, string Text)> rows, int width)
    {
        if (rows.Count == 0)
            return;
        int widest = rows.Max(r => r.Name.Length);
        int column = (width < TextWrap.MinWidth ? widest : Math.Min(widest, Math.Max(12, width / 3))) + 4;
        string indent = new(' ', column);
        foreach (var (name, text) in rows)
        {
            var lines = TextWrap.Wrap(text, width < TextWrap.MinWidth ? 0 : width - column, 0);
            if (2 + name.Length + 2 > column)
            {
                foreach (string part in TextWrap.Wrap(name, width < TextWrap.MinWidth ? 0 : width - 2, 0))
                    w.WriteLine("  " + part);
                lines.ForEach(l => w.WriteLine(indent + l));
                continue;
            }
            w.WriteLine(("  " + name).PadRight(column) + lines[0]);
            foreach (string line in lines.Skip(1))
                w.WriteLine(indent + line);
        }
    }
}
