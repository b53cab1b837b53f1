namespace Search.Core.Querying;

/// <summary>
/// OR joins the two clauses beside it before AND does, whether AND is written or implied:
/// `flood OR earthquake china` is `(flood OR earthquake) AND china`, `kazakh AND fsb OR
/// magnitogorsk` is `kazakh AND (fsb OR magnitogorsk)`, as news databases and web search engines
/// read them. Lucene's classic parser instead turns each clause's neighbours optional or required
/// one by one: the first query required "china" alone (flood and earthquake only ranked), the
/// second "kazakh" alone. A clause after NOT or '-' stays left out of the whole group.
/// </summary>
internal static class OrBeforeAnd
{
    /// <summary>
    /// The clauses of one group (the top level or one pair of parentheses) with each run joined
    /// by OR as one required clause of <paramref name="anyOf"/>'s query; <paramref name="clauses"/>
    /// itself when the group does not mix OR with AND (only OR, only AND), so those queries are
    /// built exactly as before.
    /// </summary>
    /// <param name="afterOr">The clauses that an OR joins to the clause before them.</param>
    /// <param name="anyOf">The query of clauses any of which may match.</param>
    public static IList<BooleanClause> Group(IList<BooleanClause> clauses, ISet<BooleanClause> afterOr, Func<IList<BooleanClause>, Query> anyOf)
    {
        var runs = new List<List<BooleanClause>>();
        var left = new List<BooleanClause>();
        BooleanClause? previous = null;
        foreach (var clause in clauses)
        {
            if (clause.IsProhibited)
                left.Add(clause);
            else if (afterOr.Contains(clause) && previous is { IsProhibited: false })
                runs[^1].Add(clause);
            else
                runs.Add([clause]);
            previous = clause;
        }
        if (runs.Count < 2 || runs.All(r => r.Count == 1))
            return clauses;
        var grouped = runs.Select(r => r.Count == 1
            ? new BooleanClause(r[0].Query, Occur.MUST)
            : new BooleanClause(anyOf(r.Select(c => new BooleanClause(c.Query, Occur.SHOULD)).ToList()), Occur.MUST)).ToList();
        grouped.AddRange(left);
        return grouped;
    }
}
