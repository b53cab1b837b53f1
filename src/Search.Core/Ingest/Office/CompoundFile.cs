using System.Buffers.Binary;

namespace Search.Core.Ingest.Office;

/// <summary>
/// The streams of a Compound File (Microsoft's "structured storage", [MS-CFB]): the container of
/// Word 97–2003 documents, Excel 97–2003 workbooks and Outlook messages. A small file system in
/// one file: sectors chained by a file allocation table, a directory of named streams, and streams
/// under 4 KB kept in a mini stream of 64-byte sectors. Read from bytes in memory; every chain is
/// bounded, so a damaged or hostile file ends in <see cref="InvalidDataException"/>, never a loop.
/// </summary>
internal sealed class CompoundFile
{
    /// <summary>The first bytes of every compound file.</summary>
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint EndOfChain = 0xFFFFFFFE, FreeSector = 0xFFFFFFFF;
    private const int HeaderBytes = 512, DirectoryEntryBytes = 128, HeaderDifatEntries = 109;

    private readonly byte[] _bytes;
    private readonly int _sectorSize, _miniSectorSize;
    private readonly uint _miniStreamCutoff;
    private readonly uint[] _fat;
    private readonly uint[] _miniFat;
    private readonly byte[] _miniStream;
    private readonly Dictionary<string, (uint Start, long Size)> _streams = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DirectoryEntry> _entries = [];

    /// <summary>One entry of the directory: a storage (a folder), a stream (a file) or the root.</summary>
    private readonly record struct DirectoryEntry(string Name, byte Type, uint Start, long Size, int Left, int Right, int Child);

    private CompoundFile(byte[] bytes)
    {
        _bytes = bytes;
        ReadOnlySpan<byte> header = bytes.AsSpan(0, HeaderBytes);
        int sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
        int miniShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x20..]);
        if (sectorShift is not (9 or 12) || miniShift != 6)
            throw new InvalidDataException("unknown sector size");
        _sectorSize = 1 << sectorShift;
        _miniSectorSize = 1 << miniShift;
        _miniStreamCutoff = BinaryPrimitives.ReadUInt32LittleEndian(header[0x38..]);
        _fat = ReadFat(header);
        _miniFat = ToEntries(Chain(BinaryPrimitives.ReadUInt32LittleEndian(header[0x3C..]), long.MaxValue));
        var root = ReadDirectory(BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]));
        _miniStream = Chain(root.Start, root.Size);
    }

    /// <summary>The compound file in <paramref name="bytes"/>; <see cref="InvalidDataException"/> when it is not one or is damaged.</summary>
    public static CompoundFile Open(byte[] bytes)
    {
        if (bytes.Length < HeaderBytes || !bytes.AsSpan().StartsWith(Signature))
            throw new InvalidDataException("not a compound file");
        return new CompoundFile(bytes);
    }

    /// <summary>The compound file of an Office 97-2003 document in <paramref name="bytes"/>, as
    /// <see cref="Open"/>; <see cref="EncryptedDocumentException"/> when it is an Office 2007
    /// document encrypted under a password, which Office keeps in a compound file too.</summary>
    public static CompoundFile OpenDocument(byte[] bytes)
    {
        var file = Open(bytes);
        return file.Stream("EncryptedPackage") != null ? throw new EncryptedDocumentException() : file;
    }

    /// <summary>Whether <paramref name="e"/> is what reading a damaged compound file throws: a
    /// check that met the damage, or an offset past the end of a stream, whichever came first.</summary>
    public static bool IsDamage(Exception e) => e is InvalidDataException or ArgumentException or IndexOutOfRangeException;

    /// <summary>What <paramref name="e"/> (<see cref="IsDamage"/>) says of the damage.</summary>
    public static string Damage(Exception e) => e is InvalidDataException ? e.Message : "an offset outside the file";

    /// <summary>The bytes of the stream named <paramref name="name"/> anywhere in the file (names
    /// are unique in the files read here: <c>WordDocument</c>, <c>1Table</c>), or null.</summary>
    public byte[]? Stream(string name)
    {
        if (!_streams.TryGetValue(name, out var stream))
            return null;
        return stream.Size < _miniStreamCutoff ? MiniChain(stream.Start, stream.Size) : Chain(stream.Start, stream.Size);
    }

    /// <summary>The root storage: the streams and storages at the top of the file.</summary>
    public Storage Root => new(this, 0);

    /// <summary>A storage of the file (a folder of streams and storages), by its directory entry.</summary>
    public readonly struct Storage
    {
        private readonly CompoundFile _file;
        private readonly int _entry;

        internal Storage(CompoundFile file, int entry) => (_file, _entry) = (file, entry);

        /// <summary>The bytes of the stream named <paramref name="name"/> directly in this storage, or null.</summary>
        public byte[]? Stream(string name) =>
            Find(name, 2) is { } entry ? _file.Bytes(_file._entries[entry]) : null;

        /// <summary>The storage named <paramref name="name"/> directly in this one, or null.</summary>
        public Storage? Child(string name) => Find(name, 1) is { } entry ? new Storage(_file, entry) : null;

        /// <summary>The names of the storages directly in this one.</summary>
        public List<string> Storages()
        {
            var names = new List<string>();
            foreach (int entry in Children())
                if (_file._entries[entry].Type == 1)
                    names.Add(_file._entries[entry].Name);
            return names;
        }

        private int? Find(string name, byte type)
        {
            foreach (int entry in Children())
                if (_file._entries[entry].Type == type && string.Equals(_file._entries[entry].Name, name, StringComparison.OrdinalIgnoreCase))
                    return entry;
            return null;
        }

        /// <summary>The entries of this storage: the tree under its child, walked by siblings;
        /// each entry met once, so a damaged tree that loops ends.</summary>
        private List<int> Children()
        {
            var entries = _file._entries;
            var found = new List<int>();
            var seen = new HashSet<int>();
            var pending = new Stack<int>();
            if (_entry >= 0 && _entry < entries.Count)
                pending.Push(entries[_entry].Child);
            while (pending.Count > 0)
            {
                int at = pending.Pop();
                if (at < 0 || at >= entries.Count || !seen.Add(at))
                    continue;
                found.Add(at);
                pending.Push(entries[at].Left);
                pending.Push(entries[at].Right);
            }
            found.Sort();
            return found;
        }
    }

    private byte[] Bytes(DirectoryEntry entry) =>
        entry.Size < _miniStreamCutoff ? MiniChain(entry.Start, entry.Size) : Chain(entry.Start, entry.Size);

    private uint[] ReadFat(ReadOnlySpan<byte> header)
    {
        int fatSectors = BinaryPrimitives.ReadInt32LittleEndian(header[0x2C..]);
        int sectors = (_bytes.Length - HeaderBytes) / _sectorSize + 1;
        if (fatSectors < 0 || fatSectors > sectors)
            throw new InvalidDataException("damaged allocation table");
        var fatSectorIds = new List<uint>(fatSectors);
        for (int i = 0; i < HeaderDifatEntries && fatSectorIds.Count < fatSectors; i++)
            fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + i * 4)..]));
        // Files over 6.8 MB (512-byte sectors) list the rest of their FAT sectors in DIFAT sectors,
        // each ending with the next one's number.
        uint difat = BinaryPrimitives.ReadUInt32LittleEndian(header[0x44..]);
        for (int hops = 0; fatSectorIds.Count < fatSectors && difat < EndOfChain; hops++)
        {
            if (hops > sectors)
                throw new InvalidDataException("damaged allocation table");
            ReadOnlySpan<byte> sector = Sector(difat);
            int perSector = _sectorSize / 4 - 1;
            for (int i = 0; i < perSector && fatSectorIds.Count < fatSectors; i++)
                fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(perSector * 4)..]);
        }
        var fat = new uint[fatSectorIds.Count * (_sectorSize / 4)];
        for (int s = 0; s < fatSectorIds.Count; s++)
        {
            ReadOnlySpan<byte> sector = Sector(fatSectorIds[s]);
            for (int i = 0; i < _sectorSize / 4; i++)
                fat[s * (_sectorSize / 4) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]);
        }
        return fat;
    }

    /// <summary>Reads the directory's stream entries into <see cref="_streams"/>; the root entry
    /// (whose chain is the mini stream).</summary>
    private (uint Start, long Size) ReadDirectory(uint first)
    {
        byte[] directory = Chain(first, long.MaxValue);
        (uint Start, long Size)? root = null;
        for (int at = 0; at + DirectoryEntryBytes <= directory.Length; at += DirectoryEntryBytes)
        {
            ReadOnlySpan<byte> entry = directory.AsSpan(at, DirectoryEntryBytes);
            int nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
            byte type = entry[0x42];
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]);
            // Version 3 files (512-byte sectors) may leave garbage in the size's high half.
            long size = _sectorSize == 512 ? BinaryPrimitives.ReadUInt32LittleEndian(entry[0x78..]) : BinaryPrimitives.ReadInt64LittleEndian(entry[0x78..]);
            string name = nameBytes is >= 2 and <= 64 ? Encoding.Unicode.GetString(entry[..(nameBytes - 2)]) : "";
            _entries.Add(new DirectoryEntry(name, type, start, size,
                BinaryPrimitives.ReadInt32LittleEndian(entry[0x44..]), BinaryPrimitives.ReadInt32LittleEndian(entry[0x48..]), BinaryPrimitives.ReadInt32LittleEndian(entry[0x4C..])));
            if (type == 5)
                root ??= (start, size);
            else if (type == 2 && name.Length > 0)
                _streams.TryAdd(name, (start, size));
        }
        return root ?? throw new InvalidDataException("no root directory entry");
    }

    private ReadOnlySpan<byte> Sector(uint id)
    {
        long offset = HeaderBytes + (long)id * _sectorSize;
        if (id >= 0xFFFFFFFA || offset + _sectorSize > _bytes.Length)
        {
            // The last sector may be cut short by writers that do not pad the file.
            if (id < 0xFFFFFFFA && offset < _bytes.Length)
                return _bytes.AsSpan((int)offset);
            throw new InvalidDataException($"sector {id} is outside the file");
        }
        return _bytes.AsSpan((int)offset, _sectorSize);
    }

    /// <summary>The bytes of the sector chain from <paramref name="start"/>, at most <paramref name="size"/>.</summary>
    private byte[] Chain(uint start, long size)
    {
        var output = new MemoryStream();
        uint sector = start;
        for (int hops = 0; sector != EndOfChain && sector != FreeSector && output.Length < size; hops++)
        {
            if (hops > _fat.Length || sector >= _fat.Length)
                throw new InvalidDataException("damaged sector chain");
            output.Write(Sector(sector));
            sector = _fat[sector];
        }
        return size < output.Length ? output.GetBuffer().AsSpan(0, (int)size).ToArray() : output.ToArray();
    }

    /// <summary>The bytes of the mini sector chain from <paramref name="start"/>, <paramref name="size"/> of them.</summary>
    private byte[] MiniChain(uint start, long size)
    {
        var output = new byte[size];
        int written = 0;
        uint sector = start;
        for (int hops = 0; written < size; hops++)
        {
            int take = (int)Math.Min(_miniSectorSize, size - written);
            if (hops > _miniFat.Length || sector >= _miniFat.Length || (long)sector * _miniSectorSize + take > _miniStream.Length)
                throw new InvalidDataException("damaged mini sector chain");
            _miniStream.AsSpan((int)sector * _miniSectorSize, take).CopyTo(output.AsSpan(written));
            written += take;
            sector = _miniFat[sector];
        }
        return output;
    }

    private static uint[] ToEntries(byte[] bytes)
    {
        var entries = new uint[bytes.Length / 4];
        for (int i = 0; i < entries.Length; i++)
            entries[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        return entries;
    }
}
