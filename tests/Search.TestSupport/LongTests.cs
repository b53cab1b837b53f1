using Xunit;

namespace Search.Tests.Support;

/// <summary>
/// Long runs (crash tests at scale, fuzzing, whole-corpus sweeps) are kept out of the default
/// `dotnet test`, which must finish in under three minutes on a 2-core machine. They run when
/// <c>SEARCH_LONG_TESTS=1</c>, which <c>.ci/run</c> sets; elsewhere they are reported as skipped.
/// </summary>
public static class LongTests
{
    public const string Variable = "SEARCH_LONG_TESTS";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    public static string SkipReason => $"long run: set {Variable}=1 to run it (.ci/run does)";

    /// <summary>Why a long test that also needs ../shared cannot run here, or null when it can.</summary>
    public static string? SkipWithShared() =>
        !Enabled ? SkipReason : SharedCorpus.Root == null ? SharedCorpus.SkipReason : null;
}

/// <summary>A fact with a condition of its own (a browser, a small disk, file permissions) that can
/// also be marked a long run: <c>[BrowserFact(LongRun = true)]</c>.</summary>
public abstract class ConditionalFactAttribute : FactAttribute
{
    /// <summary>Also only in the long run (<see cref="LongTests"/>).</summary>
    public bool LongRun
    {
        get => field;
        set
        {
            field = value;
            if (value && Skip == null && !LongTests.Enabled)
                Skip = LongTests.SkipReason;
        }
    }
}

/// <summary>A fact that runs only with <c>SEARCH_LONG_TESTS=1</c>.</summary>
public sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (!LongTests.Enabled) Skip = LongTests.SkipReason;
    }
}

/// <summary>A fact that runs only with <c>SEARCH_LONG_TESTS=1</c> and ../shared present.</summary>
public sealed class LongSharedFactAttribute : FactAttribute
{
    public LongSharedFactAttribute()
    {
        if (LongTests.SkipWithShared() is { } reason) Skip = reason;
    }
}

/// <summary>Theory counterpart of <see cref="LongSharedFactAttribute"/>.</summary>
public sealed class LongSharedTheoryAttribute : TheoryAttribute
{
    public LongSharedTheoryAttribute()
    {
        if (LongTests.SkipWithShared() is { } reason) Skip = reason;
    }
}
