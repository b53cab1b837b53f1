using System.Diagnostics;
using Xunit;

namespace Search.Cli.Tests.Reliability;

/// <summary>A tmpfs of a given size mounted on a folder for the test's life.</summary>
internal sealed class SmallDisk : IDisposable
{
    public string Path { get; }

    public SmallDisk(string path, string size)
    {
        Path = path;
        Directory.CreateDirectory(path);
        Assert.True(Mount.Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path), $"cannot mount a tmpfs on {path}");
    }

    public void Resize(string size) => Assert.True(Mount.Run("mount", "-o", $"remount,size={size}", Path), "cannot resize the tmpfs");

    /// <summary>Writes a file until the disk has no room left; deleted when disposed.</summary>
    public Filler Fill()
    {
        string file = System.IO.Path.Combine(Path, "filler");
        var chunk = new byte[64 * 1024];
        using (var stream = new FileStream(file, FileMode.Create))
        {
            foreach (int size in new[] { chunk.Length, 4096 }) // the last pages with smaller writes
            {
                try
                {
                    while (true)
                        stream.Write(chunk, 0, size);
                }
                catch (IOException)
                {
                }
            }
        }
        return new Filler(file);
    }

    /// <summary>Remounts the disk read-only, or writable again.</summary>
    public void ReadOnly(bool on) => Assert.True(Mount.Run("mount", "-o", on ? "remount,ro" : "remount,rw", Path), "cannot remount the tmpfs");

    public void Dispose() => Mount.Run("umount", "-l", Path);
}

/// <summary>The file that fills the disk: shortened to leave some room, deleted when disposed.</summary>
internal sealed class Filler(string file) : IDisposable
{
    private readonly long _full = new FileInfo(file).Length;

    /// <summary>Leaves <paramref name="bytes"/> free (as the filler found the disk).</summary>
    public void Free(long bytes)
    {
        using var stream = new FileStream(file, FileMode.Open);
        stream.SetLength(Math.Max(0, _full - bytes));
    }

    public void Dispose() => File.Delete(file);
}

/// <summary>Runs mount and umount.</summary>
internal static class Mount
{
    public static bool Run(params string[] args)
    {
        var start = new ProcessStartInfo(args[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args[1..])
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}

/// <summary>A fact that needs a small file system of its own: Linux, as root (who may mount a
/// tmpfs, which CI is); elsewhere skipped, saying why. Whether a mount works is tried once.</summary>
public sealed class SmallDiskFactAttribute : Search.Tests.Support.ConditionalFactAttribute
{
    private static readonly Lazy<string?> Reason = new(() =>
    {
        if (!OperatingSystem.IsLinux() || !PermissionsFactAttribute.IsRoot)
            return "needs root on Linux to mount a small tmpfs that fills up (CI runs as root)";
        string probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "search-mount-probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(probe);
        try
        {
            if (!Mount.Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe))
                return "cannot mount a tmpfs here (a container without CAP_SYS_ADMIN?)";
            Mount.Run("umount", probe);
            return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "no mount command";
        }
        finally
        {
            try { Directory.Delete(probe); } catch (IOException) { }
        }
    });

    public SmallDiskFactAttribute()
    {
        if (Reason.Value is { } reason)
            Skip = reason;
    }
}
