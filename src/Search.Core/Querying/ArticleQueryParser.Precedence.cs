namespace Search.Core.Querying;

/// <summary>OR before AND in every group of clauses (<see cref="OrBeforeAnd"/>), and a group of
/// exclusions only as everything but them (<see cref="MatchAllIfOnlyNegative"/>): `russia AND
/// (-putin)` and `russia (NOT putin)` found nothing.</summary>
public sealed partial class ArticleQueryParser
{
    /// <summary>The clauses an OR joins to the clause before them; by reference, as a clause's
    /// equality changes when the parser changes its occurrence.</summary>
    private readonly HashSet<BooleanClause> _afterOr = new(ReferenceEqualityComparer.Instance);

    protected override void AddClause(IList<BooleanClause> clauses, int conj, int mods, Query q)
    {
        int count = clauses.Count;
        base.AddClause(clauses, conj, mods, q);
        if (conj == CONJ_OR && clauses.Count > count)
            _afterOr.Add(clauses[^1]);
    }

    protected override Query GetBooleanQuery(IList<BooleanClause> clauses, bool disableCoord) =>
        MatchAllIfOnlyNegative(base.GetBooleanQuery(OrBeforeAnd.Group(clauses, _afterOr, run => base.GetBooleanQuery(run, disableCoord)), disableCoord));
}
