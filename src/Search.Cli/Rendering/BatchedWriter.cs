using System.Text;

namespace Search.Cli.Rendering;

/// <summary>
/// Holds what is written until <see cref="Flush"/>, then hands it to the inner writer in one
/// write. The console with piped output flushes once per command: Console.Out flushes at every
/// line, and a page of results was some forty writes to the pipe.
/// </summary>
public sealed class BatchedWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => _pending.Append(value);

    public override void Write(string? value) => _pending.Append(value);

    public override void Write(char[] buffer, int index, int count) => _pending.Append(buffer, index, count);

    public override void Write(ReadOnlySpan<char> buffer) => _pending.Append(buffer);

    public override void WriteLine(string? value) => _pending.Append(value).Append(CoreNewLine);

    public override void Flush()
    {
        if (_pending.Length > 0)
        {
            inner.Write(_pending.ToString());
            _pending.Clear();
        }
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Flush();
        base.Dispose(disposing);
    }
}

/// <summary>An error writer that first flushes the batched output, so that messages keep their
/// order when both streams go to one place.</summary>
public sealed class AfterBatchWriter(TextWriter inner, BatchedWriter batch) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        batch.Flush();
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        batch.Flush();
        inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        batch.Flush();
        inner.Write(buffer, index, count);
    }

    public override void WriteLine(string? value)
    {
        batch.Flush();
        inner.WriteLine(value);
    }

    public override void Flush() => inner.Flush();
}
