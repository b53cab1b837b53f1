namespace Search.Core.Evaluation;

/// <summary>
/// A qrels, queries or test-collection file that cannot be read. The message names the source and
/// the 1-based line, so a user can fix the file without guessing.
/// </summary>
public sealed class EvaluationFormatException : FormatException
{
    public EvaluationFormatException(string source, int line, string problem)
        : base($"{source}:{line}: {problem}")
    {
        Source = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>File name (or other label) of the input that failed.</summary>
    public new string Source { get; }

    /// <summary>1-based line number of the offending line.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }
}
