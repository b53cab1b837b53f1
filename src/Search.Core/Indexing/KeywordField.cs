namespace Search.Core.Indexing;

/// <summary>
/// A <see cref="StringField"/> (one verbatim term) that does not cost a new token stream per
/// document. Lucene.Net 4.8's StringField makes a token stream per field instance, and making one
/// is dear there: attribute classes are looked up by reflection under a global lock, which the
/// adding threads then queue on (seen in a profile of a build: a dozen keyword fields per article).
/// This field hands the IndexWriter one reused stream per thread instead; the writer inverts one
/// field value at a time, so a thread never needs two at once.
/// </summary>
public sealed class KeywordField : Field
{
    [ThreadStatic] private static OneTermStream? t_stream;

    public KeywordField(string name, string value, Store store)
        : base(name, value, store == Store.YES ? StringField.TYPE_STORED : StringField.TYPE_NOT_STORED)
    {
    }

    public override TokenStream GetTokenStream(Analyzer analyzer)
    {
        var stream = t_stream ??= new OneTermStream();
        stream.Prepare(GetStringValue());
        return stream;
    }

    private sealed class OneTermStream : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private string _value = "";
        private bool _used = true;

        public OneTermStream()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public void Prepare(string value)
        {
            _value = value;
            _used = false;
        }

        public override bool IncrementToken()
        {
            if (_used)
                return false;
            ClearAttributes();
            _term.SetEmpty().Append(_value);
            _offset.SetOffset(0, _value.Length);
            _used = true;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_value.Length, _value.Length);
        }

        public override void Reset() => _used = false;
    }
}
