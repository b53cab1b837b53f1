using System.Diagnostics;
using Xunit;

namespace Search.Tests.Support;

/// <summary>
/// <c>../shared/tools/make-corpus.py</c>, which generates corpora of any size, in the
/// <c>../shared</c> that <see cref="SharedCorpus"/> finds. A fresh clone has none, so tests
/// needing it are skipped with the reason.
/// </summary>
public static class CorpusTool
{
    public static readonly string? Root = Find();

    public const string SkipReason = "needs ../shared/tools/make-corpus.py beside the project root (present in CI, absent from a fresh clone)";

    public static string MakeCorpus => System.IO.Path.Combine(Root ?? throw new InvalidOperationException(SkipReason), "tools", "make-corpus.py");

    /// <summary>
    /// A make-corpus.py corpus of <paramref name="docs"/> articles, generated once per machine into
    /// the temp folder (generating takes a while) and renamed into place whole, so a run that dies
    /// half-way never leaves a partial corpus for the next. <paramref name="relativeOut"/> is where
    /// inside the folder make-corpus writes (null: the folder itself, as text files).
    /// </summary>
    public static string CachedCorpus(string name, int docs, string? relativeOut = null, params string[] extraArgs)
    {
        string final = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{name}-{docs}");
        if (Directory.Exists(final))
            return final;
        string partial = final + ".partial-" + Environment.ProcessId;
        if (relativeOut != null)
            Directory.CreateDirectory(partial);
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { MakeCorpus, "--docs", docs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--out", relativeOut == null ? partial : System.IO.Path.Combine(partial, relativeOut) }.Concat(extraArgs))
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException("make-corpus.py failed: " + err);
        try { Directory.Move(partial, final); }
        catch (IOException) when (Directory.Exists(final)) { Directory.Delete(partial, true); }
        return final;
    }

    private static string? Find() =>
        SharedCorpus.Root is { } root && File.Exists(System.IO.Path.Combine(root, "tools", "make-corpus.py")) ? root : null;
}

/// <summary>A long fact that needs ../shared/tools/make-corpus.py (and python3): it runs with
/// SEARCH_LONG_TESTS=1 (.ci/run sets it) where the tool is present; skipped elsewhere, saying why.</summary>
public sealed class NeedsCorpusToolFactAttribute : FactAttribute
{
    public NeedsCorpusToolFactAttribute()
    {
        if (!LongTests.Enabled) Skip = LongTests.SkipReason;
        else if (CorpusTool.Root == null) Skip = CorpusTool.SkipReason;
    }
}
