using PuppeteerSharp;
using Search.Core.Indexing;
using Xunit;

namespace Search.Web.Tests.Support;

/// <summary>A page test on a corpus of its own: the class writes the corpus, and this builds its
/// index, serves it and opens the system's Chromium (none where it is not installed: the browser
/// facts skip), and takes them all down after.</summary>
public abstract class CorpusPage : IAsyncLifetime, IDisposable
{
    private readonly TempDir _dir = new();

    protected SocketServer Server { get; private set; } = null!;
    protected IBrowser? Browser { get; private set; }

    /// <summary>The folder the corpus is written in and the index built from.</summary>
    protected string Corpus => Path.Combine(_dir.Path, "corpus");
    protected string Index => Path.Combine(_dir.Path, "index");

    /// <summary>Writes the articles into <see cref="Corpus"/>, which exists.</summary>
    protected abstract void WriteCorpus();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Corpus);
        WriteCorpus();
        IndexBuilder.Build(new BuildOptions { Roots = new[] { Corpus }, IndexPath = Index });
        Server = await SocketServer.Start(Index);
        Browser = await SystemBrowser.Launch();
    }

    public async Task DisposeAsync()
    {
        if (Browser != null)
            await Browser.CloseAsync();
        await Server.DisposeAsync();
    }

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }
}
