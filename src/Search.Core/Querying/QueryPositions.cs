namespace Search.Core.Querying;

/// <summary>
/// Moves a query error's position, and the "position N" its message names, when the text that
/// was parsed is not the text the user typed as it stands (a part of it, say).
/// </summary>
public static partial class QueryPositions
{
    public static QuerySyntaxException Moved(QuerySyntaxException e, Func<int, int> map)
    {
        if (e.Position <= 0)
            return e;
        int to = map(e.Position);
        if (to == e.Position)
            return e;
        string message = Regex.Replace(e.Message, $@"\bposition {e.Position}\b", $"position {to}");
        return new QuerySyntaxException(message, to, e);
    }
}
