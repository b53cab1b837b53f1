namespace Search.Core.Duplicates;

/// <summary>One story printed more than once: its key and its articles, earliest first.</summary>
public sealed record DuplicateCluster(string Key, IReadOnlyList<DuplicateCluster.Member> Members)
{
    public sealed record Member(string Id, string Title, string? Source, string? Published);
}
