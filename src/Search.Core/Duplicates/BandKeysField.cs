using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Search.Core.Duplicates;

/// <summary>
/// All of an article's LSH band keys as terms of one unstored field (documents only: no
/// frequencies, positions or norms). One field with a reused token stream per thread, rather than
/// forty keyword fields, each of which Lucene.Net would invert separately.
/// </summary>
public sealed class BandKeysField : Field
{
    private static readonly FieldType Type = MakeType();
    [ThreadStatic] private static KeysStream? t_stream;

    private readonly string[] _keys;

    public BandKeysField(string name, string[] keys) : base(name, string.Join(' ', keys), Type) => _keys = keys;

    public override TokenStream GetTokenStream(Analyzer analyzer)
    {
        var stream = t_stream ??= new KeysStream();
        stream.Prepare(_keys);
        return stream;
    }

    private static FieldType MakeType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            OmitNorms = true,
            IndexOptions = IndexOptions.DOCS_ONLY,
        };
        type.Freeze();
        return type;
    }

    private sealed class KeysStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private string[] _keys = Array.Empty<string>();
        private int _next;

        public KeysStream() => _term = AddAttribute<ICharTermAttribute>();

        public void Prepare(string[] keys)
        {
            _keys = keys;
            _next = 0;
        }

        public override bool IncrementToken()
        {
            if (_next >= _keys.Length)
                return false;
            ClearAttributes();
            _term.SetEmpty().Append(_keys[_next++]);
            return true;
        }

        public override void Reset() => _next = 0;
    }
}
