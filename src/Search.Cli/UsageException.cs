namespace Search.Cli;

/// <summary>A command line that cannot be understood; exits with status 2 and a usage hint.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
