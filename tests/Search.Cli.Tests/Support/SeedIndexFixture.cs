using Xunit;

namespace Search.Cli.Tests.Support;

/// <summary>An index of seeds/ built once through the CLI, for the tests that share it.</summary>
public sealed class SeedIndexFixture : IDisposable
{
    public SeedIndexFixture()
    {
        Dir = Path.Combine(Path.GetTempPath(), "search-cli-test-" + Guid.NewGuid().ToString("N")[..10]);
        Index = Path.Combine(Dir, "index");
        FirstBuild = SearchCli.InProcess("index", RepoPaths.Seeds, "--index", Index);
    }

    public string Dir { get; }
    public string Index { get; }
    public SearchCli.Run FirstBuild { get; }

    public void Dispose()
    {
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SeedIndexCollection : ICollectionFixture<SeedIndexFixture>
{
    public const string Name = "cli seed index";
}
