using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;

namespace Search.Core.Indexing.Storage;

/// <summary>
/// Makes <see cref="SearchCodec"/> known to Lucene by name before any index is opened. It runs as
/// the module initializer of Search.Core: every process that opens an index does so through this
/// library (the CLI, the web server, tests, benchmarks), and the runtime runs a module initializer
/// before any of the module's code, so no path can open a segment before the registration.
/// </summary>
public static class CodecRegistration
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Codec.SetCodecFactory(new Factory());
        return true;
    });

    /// <summary>Registers the codecs (once; later calls do nothing). A program that opens an index
    /// through Lucene alone, before it touches anything else of Search.Core, calls it first.</summary>
#pragma warning disable CA2255 // a library's module initializer on purpose: Lucene's codec lookup is global, and a reader that runs before it cannot read our segments
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Register() => _ = Registered.Value;

    /// <summary>Lucene's codecs and ours.</summary>
    private sealed class Factory : DefaultCodecFactory
    {
        protected override void Initialize()
        {
            base.Initialize();
            PutCodecType(typeof(SearchCodec));
        }
    }
}
