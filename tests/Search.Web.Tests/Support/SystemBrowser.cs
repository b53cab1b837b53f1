using PuppeteerSharp;
using Xunit;

namespace Search.Web.Tests.Support;

/// <summary>
/// The system's Chromium (Debian: <c>apt-get install chromium</c>), or <c>SEARCH_CHROMIUM</c>.
/// The tests never download a browser: where none is installed they are skipped, saying so.
/// </summary>
public static class SystemBrowser
{
    public static readonly string? Path = Find();

    public static string SkipReason =>
        "needs a Chromium: apt-get install -y chromium (or set SEARCH_CHROMIUM to its path); .ci/run installs it";

    /// <summary>A headless Chromium, or null where none is installed (the browser facts skip).</summary>
    public static async Task<IBrowser?> Launch() => Path == null ? null : await Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = Path,
        Headless = true,
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run" },
    });

    private static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("SEARCH_CHROMIUM");
        if (!string.IsNullOrEmpty(env))
            return File.Exists(env) ? env : null;
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }
}

/// <summary>A fact that runs only where a system Chromium is installed.</summary>
public sealed class BrowserFactAttribute : Search.Tests.Support.ConditionalFactAttribute
{
    public BrowserFactAttribute()
    {
        if (SystemBrowser.Path == null) Skip = SystemBrowser.SkipReason;
    }
}
