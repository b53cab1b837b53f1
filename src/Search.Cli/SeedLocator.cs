using System.Reflection;

namespace Search.Cli;

/// <summary>
/// Finds the sample corpus: ./seeds when run from the repository, else the seeds/ folder of the
/// repository the program was built from, else the copy embedded in this program, unpacked once
/// into the user's data folder (so an installed `search` tool works anywhere).
/// </summary>
public static class SeedLocator
{
    private const string ResourcePrefix = "seeds/";

    public static string Find()
    {
        string local = Path.GetFullPath("seeds");
        if (Directory.Exists(local))
            return local;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")) && Directory.Exists(candidate))
                return candidate;
        }
        return Unpack();
    }

    private static string Unpack()
    {
        string dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        string target = Path.Combine(dataHome, "search", "seeds");
        var assembly = Assembly.GetExecutingAssembly();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            string file = Path.Combine(target, name[ResourcePrefix.Length..]);
            using var resource = assembly.GetManifestResourceStream(name)!;
            if (File.Exists(file) && new FileInfo(file).Length == resource.Length)
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var output = File.Create(file);
            resource.CopyTo(output);
        }
        return target;
    }
}
