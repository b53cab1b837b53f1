using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Search.Core.Querying.StoredFields;

/// <summary>
/// A segment file mapped read-only into memory, read as spans without a copy or a system call
/// (<see cref="SegmentStoredFields"/>: a hit's chunk of stored fields).
///
/// Why: reading a hit's chunk with a positional read (<c>pread</c>) copied some 8 KB through the
/// kernel into a buffer for each of a page's ten hits; the system calls and copies were a tenth of
/// a prefix query (<c>terror*</c>, where the hits are most of the query) and about 4 % of a two-word
/// one. Segment files are written once and never changed, so a mapping sees exactly what a read
/// would; a file deleted while mapped stays readable until unmapped (as an open handle does).
/// </summary>
internal sealed class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly SafeMemoryMappedViewHandle _handle;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, long length)
    {
        _map = map;
        _view = view;
        _handle = view.SafeMemoryMappedViewHandle;
        Length = length;
    }

    public long Length { get; }

    /// <summary>The file at <paramref name="path"/> mapped, or null when it is empty.</summary>
    public static MappedFile? Open(string path)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        MemoryMappedFile? map = null;
        try
        {
            long length = RandomAccess.GetLength(file);
            if (length == 0)
            {
                file.Dispose();
                return null;
            }
            map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            return new MappedFile(map, map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read), length);
        }
        catch
        {
            if (map != null)
                map.Dispose();
            else
                file.Dispose();
            throw;
        }
    }

    /// <summary>Holds the mapping for one read (a <see cref="Dispose"/> meanwhile unmaps only after it).</summary>
    public Lease Acquire()
    {
        bool added = false;
        _handle.DangerousAddRef(ref added);
        return new Lease(_handle, _handle.DangerousGetHandle() + (nint)_view.PointerOffset, Length);
    }

    public readonly ref struct Lease
    {
        private readonly SafeMemoryMappedViewHandle _handle;
        private readonly nint _address;
        private readonly long _length;

        internal Lease(SafeMemoryMappedViewHandle handle, nint address, long length)
        {
            _handle = handle;
            _address = address;
            _length = length;
        }

        /// <summary>The file's bytes from <paramref name="start"/>, <paramref name="count"/> of them.</summary>
        public ReadOnlySpan<byte> Slice(long start, int count)
        {
            if (start < 0 || count < 0 || start > _length - count)
                throw new ArgumentOutOfRangeException(nameof(start), $"bytes {start}+{count} are outside the file's {_length}");
            return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), _address + (nint)start), count);
        }

        public void Dispose() => _handle.DangerousRelease();
    }

    public void Dispose()
    {
        _view.Dispose();
        _map.Dispose();
    }
}
