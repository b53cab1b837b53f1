using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene46;

namespace Search.Core.Indexing.Storage;

/// <summary>
/// The codec this program writes: Lucene 4.6's formats but the stored fields, which are
/// <see cref="DeflateStoredFieldsFormat"/>. Lucene writes the codec's name into every segment and
/// looks it up when it opens one, so every process that reads an index must know it
/// (<see cref="CodecRegistration"/>). Segments of the stock codec (indexes of earlier versions)
/// stay readable and are rewritten in this codec only as merges rewrite them.
/// </summary>
[CodecName(Name)]
public sealed class SearchCodec : FilterCodec
{
    /// <summary>The name in each segment; a change of format needs a new name (and the old
    /// codec kept for reading).</summary>
    public new const string Name = "Search46Deflate";

    private readonly StoredFieldsFormat _storedFields = new DeflateStoredFieldsFormat();

    public SearchCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;
}
