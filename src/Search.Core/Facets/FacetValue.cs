namespace Search.Core.Facets;

/// <summary>One value of a facet dimension with the number of matching articles that carry it.</summary>
public sealed record FacetValue(string Value, int Count, bool Selected);

/// <summary>What a facet list leaves out: how many more values match, and how many articles'
/// values they are (an article with two left-out places counts twice).</summary>
public sealed record FacetOther(int Values, long Count)
{
    public static readonly FacetOther None = new(0, 0);
}
