namespace Search.Core.Enrich.Languages;

/// <summary>
/// Whether a build gives each article a language (detected or declared) and analyses it as that
/// language. Always on in the program; the <c>languages-cost</c> benchmark turns it off in its own
/// process to measure what the step costs an English build against the path before languages
/// existed (no detection, no <c>language</c> field, every article analysed by the writer's English
/// analyser): docs/languages.md.
/// </summary>
internal static class LanguageStep
{
    /// <summary>Off: the path before languages. Set once, before a build, by the benchmark only.</summary>
    public static bool Off { get; set; }
}
