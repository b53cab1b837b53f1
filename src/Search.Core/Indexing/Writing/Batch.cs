using Lucene.Net.Documents;
using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>Consecutive records of one file, ready to add; <paramref name="First"/> is the first
/// one's position in the file.</summary>
public sealed record Batch(FileWork Work, int First, List<(Article Article, Document Doc, UInt128 Hash)> Records);
