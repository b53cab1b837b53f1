using System.Diagnostics;
using Search.Core.Ingest;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Ingest;

public sealed class FileScannerTests
{
    [Fact]
    public void A_file_under_two_roots_is_listed_once_under_the_outermost()
    {
        using var dir = new TempDir();
        string sub = Directory.CreateDirectory(Path.Combine(dir.Path, "sport")).FullName;
        File.WriteAllText(Path.Combine(dir.Path, "lead.txt"), "Lead\n\nA body.\n");
        File.WriteAllText(Path.Combine(sub, "regatta.txt"), "Regatta\n\nA body.\n");

        // The folder inside given first, the same folder twice, and one of its files by itself.
        var scan = FileScanner.Scan([sub, dir.Path, Path.Combine(sub, "regatta.txt"), dir.Path + "/"]);

        Assert.Equal(["lead.txt", "sport/regatta.txt"], scan.Files.Select(f => f.Source.RelativePath));
        Assert.All(scan.Files, f => Assert.Equal(FileScanner.FullRoot(dir.Path), f.Source.Root));
        Assert.Empty(scan.Problems);
    }

    /// <summary>A folder given once by its name and once through a link to it (or met twice inside
    /// a root through links) was indexed twice, each file as two articles with two ids.</summary>
    [Fact]
    public void One_folder_under_two_names_is_listed_once()
    {
        using var dir = new TempDir();
        string archive = Directory.CreateDirectory(Path.Combine(dir.Path, "archive")).FullName;
        string sport = Directory.CreateDirectory(Path.Combine(archive, "sport")).FullName;
        File.WriteAllText(Path.Combine(archive, "lead.txt"), "Lead\n\nA body.\n");
        File.WriteAllText(Path.Combine(sport, "regatta.txt"), "Regatta\n\nA body.\n");
        string alias = Path.Combine(dir.Path, "alias");
        Directory.CreateSymbolicLink(alias, archive);
        File.CreateSymbolicLink(Path.Combine(archive, "featured.txt"), Path.Combine(sport, "regatta.txt"));

        var scan = FileScanner.Scan([archive, alias]);
        Assert.Equal(["sport/regatta.txt", "lead.txt"], scan.Files.Select(f => f.Source.RelativePath));
        Assert.All(scan.Files, f => Assert.Equal(FileScanner.FullRoot(archive), f.Source.Root));
        var again = FileScanner.Scan([alias, archive]);
        Assert.Equal(["sport/regatta.txt", "lead.txt"], again.Files.Select(f => f.Source.RelativePath));
        Assert.All(again.Files, f => Assert.Equal(FileScanner.FullRoot(alias), f.Source.Root));
    }

    /// <summary>The index folder inside the root was left out by its path as given: through a link
    /// (`--index ~/idx` where ~/idx is a link to ~/archive/idx), or with the root given through one,
    /// the index's own files were scanned and listed as ignored, fourteen lines of them.</summary>
    [Fact]
    public void The_index_folder_inside_the_root_is_left_out_when_either_is_named_through_a_link()
    {
        using var dir = new TempDir();
        string root = Directory.CreateDirectory(Path.Combine(dir.Path, "archive")).FullName;
        File.WriteAllText(Path.Combine(root, "lead.txt"), "Lead\n\nA body.\n");
        string index = Directory.CreateDirectory(Path.Combine(root, "idx")).FullName;
        File.WriteAllText(Path.Combine(index, "segments_1"), "");
        File.WriteAllText(Path.Combine(index, "_0.fdt"), "");
        string indexLink = Path.Combine(dir.Path, "idx-link"), rootLink = Path.Combine(dir.Path, "archive-link");
        Directory.CreateSymbolicLink(indexLink, index);
        Directory.CreateSymbolicLink(rootLink, root);

        Assert.Equal(["lead.txt"], FileScanner.Scan([root], excludeDirectory: indexLink).Files.Select(f => f.Source.RelativePath));
        Assert.Equal(["lead.txt"], FileScanner.Scan([rootLink], excludeDirectory: index).Files.Select(f => f.Source.RelativePath));
        Assert.Equal(["lead.txt"], FileScanner.Scan([rootLink], excludeDirectory: Path.Combine(rootLink, "idx")).Files.Select(f => f.Source.RelativePath));
    }

    [Fact]
    public void A_name_that_is_not_UTF8_is_reported_as_such_and_the_rest_is_found()
    {
        if (!OperatingSystem.IsLinux())
            return; // names are bytes only on Unix file systems
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "good.txt"), "Good\n\nA body.\n");
        // A file and a folder named in Latin-1, as an old archive unpacks "café": bytes .NET cannot
        // name (nor delete), so the shell makes them and removes them (\351 is é in Latin-1).
        Shell("printf 'Cafe\\n\\nA body.\\n' > \"$1/caf$(printf '\\351').txt\" && mkdir \"$1/archiv$(printf '\\351')s\"", dir.Path);
        try
        {
            var scan = FileScanner.Scan([dir.Path]);

            Assert.Equal(["good.txt"], scan.Files.Select(f => f.Source.RelativePath));
            Assert.Equal(2, scan.Problems.Count);
            Assert.All(scan.Problems, p => Assert.StartsWith("its name is not valid UTF-8 (shown with \uFFFD), so it cannot be opened; rename it", p.Reason));
            Assert.Contains(scan.Problems, p => p.Path == "caf\uFFFD.txt");
            Assert.Contains(scan.Problems, p => p.Path == "archiv\uFFFDs/");
        }
        finally
        {
            Shell("rm -rf \"$1\"", dir.Path);
        }
    }

    private static void Shell(string script, string folder)
    {
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", script, "sh", folder]))!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }
}
