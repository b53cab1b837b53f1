using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Architecture;

/// <summary>The folders of src/Search.Core depend one way, in pipeline order, and ARCHITECTURE.md says how.</summary>
public sealed class FolderDependencyTests
{
    private static readonly string[] CoreFolders = { "Ingest", "Enrich", "Indexing", "Duplicates", "Facets", "Querying", "Snippets", "Evaluation" };

    private static readonly string[] CliFolders = { "Commands", "Interactive", "Web", "Rendering" };

    private static FolderGraph Core() =>
        FolderGraph.Read(Path.Combine(RepoPaths.Root, "src", "Search.Core"), "Search.Core", CoreFolders);

    private static FolderGraph Cli() =>
        FolderGraph.Read(Path.Combine(RepoPaths.Root, "src", "Search.Cli"), "Search.Cli", CliFolders);

    [Fact]
    public void The_folders_of_search_cli_have_no_dependency_cycle()
    {
        var graph = Cli();
        var cycle = graph.FindCycle();
        Assert.True(cycle == null, $"folder cycle: {string.Join(" -> ", cycle ?? Array.Empty<string>())}; the graph: "
            + string.Join("; ", CliFolders.Select(f => $"{f} -> {string.Join(", ", graph.DependsOn[f])}")));
    }

    [Fact]
    public void The_folders_of_search_core_have_no_dependency_cycle()
    {
        var graph = Core();
        var cycle = graph.FindCycle();
        Assert.True(cycle == null, $"folder cycle: {string.Join(" -> ", cycle ?? Array.Empty<string>())}; the graph: "
            + string.Join("; ", CoreFolders.Select(f => $"{f} -> {string.Join(", ", graph.DependsOn[f])}")));
    }

    [Fact]
    public void Architecture_md_lists_each_folders_dependencies_as_the_code_has_them()
    {
        AssertArchitectureRows(Core(), CoreFolders);
        AssertArchitectureRows(Cli(), CliFolders);
    }

    private static void AssertArchitectureRows(FolderGraph graph, string[] folders)
    {
        string architecture = File.ReadAllText(Path.Combine(RepoPaths.Root, "ARCHITECTURE.md"));
        var rows = folders.Select(folder => graph.DependsOn[folder] is { Count: > 0 } deps
            ? $"| `{folder}` | {string.Join(", ", deps.Select(d => $"`{d}`"))} |"
            : $"| `{folder}` | nothing |").ToList();
        var missing = rows.Where(row => !architecture.Contains(row, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"ARCHITECTURE.md lacks {string.Join(" and ", missing)}; the code's rows are:\n{string.Join("\n", rows)}");
    }

    [Fact]
    public void A_folder_named_by_a_using_a_qualified_name_or_a_sibling_qualified_type_is_a_dependency_and_a_loop_is_named()
    {
        using var dir = new TempDir();
        dir.File("A/Reader.cs", "using Root.B;\nnamespace Root.A;\npublic class Reader { }\n");
        dir.File("B/Sub/Helper.cs", "namespace Root.B.Sub;\npublic class Helper { object x = C.Thing.Make(); }\n");
        dir.File("C/Thing.cs", "namespace Root.C;\n// A.Reader is only mentioned in a comment\npublic class Thing { object y = Root.A.Reader.New(); }\n");
        dir.File("D/Alone.cs", "namespace Root.D;\npublic class Alone { int Facts = 0; object z = B.Count; }\n");

        var graph = FolderGraph.Read(dir.Path, "Root", new[] { "A", "B", "C", "D" });

        Assert.Equal(new[] { "B" }, graph.DependsOn["A"]);
        Assert.Equal(new[] { "C" }, graph.DependsOn["B"]);
        Assert.Equal(new[] { "A" }, graph.DependsOn["C"]);
        Assert.Empty(graph.DependsOn["D"]);
        Assert.Equal(new[] { "A", "B", "C", "A" }, graph.FindCycle());
    }
}
