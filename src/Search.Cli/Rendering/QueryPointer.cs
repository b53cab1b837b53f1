namespace Search.Cli.Rendering;

/// <summary>
/// The two lines under a query error that point at the position it names: the query, and a caret
/// beneath the character. A query wider than the terminal is shown as the window around that
/// position, cut with "…" at either end, so the caret still lands under the right character and
/// neither line wraps.
/// </summary>
public static class QueryPointer
{
    /// <summary>The query line and the caret line, each <paramref name="indent"/> spaces in;
    /// <paramref name="position"/> is 1-based; <paramref name="width"/> 0 means no limit.</summary>
    public static (string Query, string Caret) Lines(string query, int position, int width, int indent = 8)
    {
        string pad = new(' ', indent);
        int room = width - indent;
        int at = Math.Clamp(position - 1, 0, query.Length);
        if (width <= 0 || room < 12 || Cells.Of(query) < room)
            return (pad + query, pad + new string(' ', Cells.Of(query[..at])) + "^");

        // Keep about a third of the room before the caret, the rest after it.
        int start = Math.Max(0, at - room / 3);
        string head = start > 0 ? "…" : "";
        string shown = query[start..];
        int budget = room - 1 - Cells.Of(head); // one cell kept for the caret past the end
        string tail = "";
        if (Cells.Of(shown) > budget)
        {
            tail = "…";
            shown = Cells.Fit(shown, budget - 1);
        }
        return (pad + head + shown + tail, pad + new string(' ', Cells.Of(head) + Cells.Of(query[start..at])) + "^");
    }
}
