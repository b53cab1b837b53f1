using Search.Core.Ingest;

namespace Search.Core.Indexing.Writing;

/// <summary>Consecutive records of one file as its reader parsed them (not enriched yet: the adding
/// thread hashes, enriches and builds each document, so a single big file's reader does only the
/// parsing); <paramref name="First"/> is the first one's position in the file.</summary>
public sealed record Batch(FileWork Work, int First, List<Article> Articles);
