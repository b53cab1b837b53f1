using System.Text.RegularExpressions;

namespace Search.Core.Tests.Architecture;

/// <summary>
/// Which top-level folders of a project's source the code of each folder refers to (subfolders
/// count with their parent), read from the source text: a <c>using</c> or a name qualified by
/// <c>Root.Folder</c>, or a name qualified by the folder alone (<c>Folder.Type</c>, which C#
/// resolves from inside a sibling namespace) where <c>Type</c> is declared in that folder.
/// Comments are not read: a <c>cref</c> documents, it does not depend.
/// </summary>
public sealed class FolderGraph
{
    private static readonly Regex Comment = new(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline);
    private static readonly Regex Declaration = new(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)");
    private static readonly Regex Namespace = new(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline);

    public IReadOnlyList<string> Folders { get; }
    public IReadOnlyDictionary<string, SortedSet<string>> DependsOn { get; }

    private FolderGraph(IReadOnlyList<string> folders, IReadOnlyDictionary<string, SortedSet<string>> dependsOn)
    {
        Folders = folders;
        DependsOn = dependsOn;
    }

    /// <summary>Reads every .cs file under each of <paramref name="folders"/> of <paramref name="sourceRoot"/>,
    /// whose namespaces start with <paramref name="rootNamespace"/>.</summary>
    public static FolderGraph Read(string sourceRoot, string rootNamespace, IReadOnlyList<string> folders)
    {
        var code = folders.ToDictionary(f => f, f => Directory.EnumerateFiles(Path.Combine(sourceRoot, f), "*.cs", SearchOption.AllDirectories)
            .Select(file => Comment.Replace(File.ReadAllText(file), "")).ToList());
        var references = folders.ToDictionary(f => f, f => ReferencePattern(rootNamespace, f, code[f]));
        var dependsOn = folders.ToDictionary(f => f, f => new SortedSet<string>(
            folders.Where(g => g != f && code[f].Any(text => references[g].IsMatch(text))), StringComparer.Ordinal));
        return new FolderGraph(folders, dependsOn);
    }

    /// <summary>What a reference to <paramref name="folder"/> looks like: its namespace, or the folder's
    /// name followed by one of its types or sub-namespaces.</summary>
    private static Regex ReferencePattern(string rootNamespace, string folder, List<string> folderCode)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in folderCode)
        {
            foreach (Match m in Declaration.Matches(text)) names.Add(m.Groups[1].Value);
            foreach (Match m in Namespace.Matches(text))
            {
                var parts = m.Groups[1].Value.Split('.');
                int at = Array.IndexOf(parts, folder);
                if (at >= 0 && at + 1 < parts.Length) names.Add(parts[at + 1]);
            }
        }
        string qualified = $@"\b{Regex.Escape(rootNamespace)}\.{folder}\b";
        string partial = names.Count == 0 ? "(?!)" : $@"(?<![\w.]){folder}\.(?:{string.Join("|", names.Select(Regex.Escape))})\b";
        return new Regex($"{qualified}|{partial}", RegexOptions.Compiled);
    }

    /// <summary>A cycle of folders (first folder repeated at the end), or null if the graph has none.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = Folders.ToDictionary(f => f, _ => 0); // 0 unvisited, 1 on the path, 2 done
        var path = new List<string>();
        foreach (var start in Folders)
            if (Visit(start, state, path) is { } cycle)
                return cycle;
        return null;
    }

    private List<string>? Visit(string folder, Dictionary<string, int> state, List<string> path)
    {
        if (state[folder] == 2) return null;
        if (state[folder] == 1)
            return path.Skip(path.IndexOf(folder)).Append(folder).ToList();
        state[folder] = 1;
        path.Add(folder);
        foreach (var next in DependsOn[folder])
            if (Visit(next, state, path) is { } cycle)
                return cycle;
        path.RemoveAt(path.Count - 1);
        state[folder] = 2;
        return null;
    }
}
