namespace Search.Core.Facets;

/// <summary>One value of a facet dimension with the number of matching articles that carry it.</summary>
public sealed record FacetValue(string Value, int Count, bool Selected);
