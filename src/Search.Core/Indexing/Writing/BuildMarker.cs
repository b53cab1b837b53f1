namespace Search.Core.Indexing.Writing;

/// <summary>
/// Tells readers whether a build is running on an index: the build writes its process id to a
/// hidden file while it runs and removes it at the end. A killed build leaves the file behind
/// with the id of a process that no longer exists, which readers tell apart ("was stopped"). The
/// build lock itself cannot be asked: probing an OS lock would, for an instant, hold it against a
/// build starting at that moment.
/// </summary>
public static class BuildMarker
{
    public const string FileName = ".search-build.pid";

    /// <summary>Marks a build as running until disposed.</summary>
    public static IDisposable Running(string indexPath)
    {
        string path = Path.Combine(indexPath, FileName);
        var remover = new Remover(path);
        try
        {
            File.WriteAllText(path, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            remover.Dispose(); // an empty marker left by a full disk would read as a stopped build
            throw;
        }
        return remover;
    }

    /// <summary>Whether a live process is building the index now.</summary>
    public static bool IsRunning(string indexPath)
    {
        try
        {
            string text = File.ReadAllText(Path.Combine(indexPath, FileName)).Trim();
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid))
                return false;
            if (pid == Environment.ProcessId)
                return true;
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class Remover(string path) : IDisposable
    {
        public void Dispose() => FileDeletion.TryDelete(path);
    }
}
