using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Build;

/// <summary>
/// A 128-bit fingerprint of a record as the reader gave it (before enrichment, which is a function
/// of it and of the file's place, both also part of the key or the schema version). Equal
/// fingerprints mean the article in the index is already right, so a re-read file updates only
/// the records that changed. The record's position is left out: a record that only moved (a line
/// deleted above it) is unchanged, and keeps the record number it was indexed with.
/// </summary>
public static class RecordHash
{
    public static UInt128 Of(Article a)
    {
        var text = new StringBuilder(a.Title.Length + a.Body.Length + 256);
        void Add(string? value) => text.Append(value).Append('\u001e');
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
                text.Append(item).Append('\u001f');
            text.Append('\u001e');
        }
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
