using System.IO.Hashing;
using System.Runtime.InteropServices;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>
/// A 128-bit fingerprint (XxHash128) of a record as the reader gave it (before enrichment, which is
/// a function of it and of the file's place, both also part of the key or the schema version).
/// Equal fingerprints mean the article in the index is already right, so a re-read file updates
/// only the records that changed. The record's position is left out: a record that only moved (a
/// line deleted above it) is unchanged, and keeps the record number it was indexed with.
/// Not a cryptographic hash: it detects edits, not an adversary forging a collision.
/// </summary>
public static class RecordHash
{
    private const char FieldEnd = '\u001e', ItemEnd = '\u001f';

    public static UInt128 Of(Article a)
    {
        var hash = new XxHash128();
        void Add(string? value)
        {
            if (value != null)
                hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<char>(in FieldEndChar)));
        }
        Add(a.Id);
        Add(a.Title);
        Add(a.Body);
        Add(a.Url);
        Add(a.Source);
        Add(a.Author);
        Add(a.Published);
        Add(a.Section);
        Add(a.AuthorUrl);
        foreach (var list in new[] { a.Tags, a.Places, a.Links, a.LinkUrls, a.Related })
        {
            foreach (string item in list)
            {
                hash.Append(MemoryMarshal.AsBytes(item.AsSpan()));
                hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<char>(in ItemEndChar)));
            }
            Add(null);
        }
        return hash.GetCurrentHashAsUInt128();
    }

    private static readonly char FieldEndChar = FieldEnd, ItemEndChar = ItemEnd;
}
