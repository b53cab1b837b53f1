using Xunit;

namespace Search.Tests.Support;

/// <summary>
/// Locates <c>../shared</c> (the read-only corpora beside the project root). A user's fresh clone
/// has none, so tests that need it use <see cref="SharedFactAttribute"/> and are reported as
/// skipped, with the reason, instead of failing. <c>SEARCH_SHARED</c> overrides the search.
/// </summary>
public static class SharedCorpus
{
    public static readonly string? Root = Find();

    public static string SkipReason =>
        "needs ../shared/corpora beside the project root (present in CI, absent from a fresh clone)";

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine(new[] { Root ?? throw new InvalidOperationException(SkipReason) }.Concat(parts).ToArray());

    private static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("SEARCH_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(System.IO.Path.Combine(env, "corpora")))
            return System.IO.Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "corpora")))
                return candidate;
        }
        return null;
    }
}

/// <summary>A fact that runs only where <c>../shared</c> exists; elsewhere it is skipped, saying why.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedCorpus.Root == null) Skip = SharedCorpus.SkipReason;
    }
}

/// <summary>Theory counterpart of <see cref="SharedFactAttribute"/>.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedCorpus.Root == null) Skip = SharedCorpus.SkipReason;
    }
}
