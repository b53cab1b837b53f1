using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Search.Core.Querying.Ranking;

/// <summary>
/// Postings enumerators kept per segment and field from one search to the next: the proximity
/// pairs' positions and the combined field's words' documents (<see cref="LentTermQuery"/>). Each enumerator Lucene opens clones the postings and positions files (a 4 KB buffer each,
/// filled by a read at its first use) and allocates its block buffers and, on its first skip, a skip
/// reader with clones of its own; a pair of two words opens one per indexed form of each word per
/// segment, so a two-word query opened some thirty and allocated half a megabyte, whose zeroing and
/// collection were a tenth of the query. Reused (Lucene's own <c>reuse</c> argument), an enumerator
/// keeps its buffers and is only pointed at the new term.
///
/// An enumerator is lent for one search (<see cref="Scope"/>, opened by
/// <see cref="ArticleIndexSearcher.Run"/>) and taken back when it ends; outside a scope every
/// enumerator is new, as before. The spares are dropped with their segment.
/// </summary>
internal static class PostingsLoans
{
    [ThreadStatic]
    private static Scope? t_current;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, ConcurrentBag<DocsAndPositionsEnum>>> Spares = new();

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, ConcurrentBag<DocsEnum>>> SpareDocs = new();

    /// <summary>Lends enumerators on this thread until disposed (scopes nest).</summary>
    public static Scope Open() => t_current = new Scope(t_current);

    /// <summary>The positions of the term <paramref name="terms"/> stands at, in a spare enumerator of
    /// <paramref name="context"/>'s <paramref name="field"/> when a scope is open.</summary>
    public static DocsAndPositionsEnum? Positions(TermsEnum terms, AtomicReaderContext context, string field, IBits? acceptDocs) =>
        Lend(Spares, context, field, spare => terms.DocsAndPositions(acceptDocs, spare, DocsAndPositionsFlags.NONE));

    /// <summary>The documents and frequencies of the term <paramref name="terms"/> stands at, in a
    /// spare enumerator of <paramref name="context"/>'s <paramref name="field"/> when a scope is open
    /// (see <see cref="LentTermQuery"/>).</summary>
    public static DocsEnum? Docs(TermsEnum terms, AtomicReaderContext context, string field, IBits? acceptDocs) =>
        Lend(SpareDocs, context, field, spare => terms.Docs(acceptDocs, spare, DocsFlags.FREQS));

    /// <summary>Opens an enumerator through <paramref name="open"/>, reusing a spare of the segment's
    /// field from <paramref name="table"/> and lending the result to the open scope, if there is one
    /// (without a scope, a new enumerator).</summary>
    private static T? Lend<T>(ConditionalWeakTable<object, ConcurrentDictionary<string, ConcurrentBag<T>>> table,
        AtomicReaderContext context, string field, Func<T?, T?> open) where T : DocsEnum
    {
        var scope = t_current;
        if (scope == null)
            return open(null);
        var spares = table.GetValue(context.AtomicReader.CoreCacheKey, _ => new(StringComparer.Ordinal)).GetOrAdd(field, _ => new());
        spares.TryTake(out var spare);
        var opened = open(spare);
        if (opened != null)
            scope.Lend(() => spares.Add(opened));
        return opened;
    }

    /// <summary>Spare enumerators of a segment's field (for tests).</summary>
    internal static int SpareCount(AtomicReaderContext context, string field) =>
        Spares.TryGetValue(context.AtomicReader.CoreCacheKey, out var byField) && byField.TryGetValue(field, out var spares) ? spares.Count : 0;

    /// <summary>Spare documents enumerators of a segment's field (for tests).</summary>
    internal static int SpareDocsCount(AtomicReaderContext context, string field) =>
        SpareDocs.TryGetValue(context.AtomicReader.CoreCacheKey, out var byField) && byField.TryGetValue(field, out var spares) ? spares.Count : 0;

    /// <summary>The enumerators lent during one search, given back at its end.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly Scope? _outer;
        private readonly List<Action> _lent = new();
        private bool _disposed;

        internal Scope(Scope? outer) => _outer = outer;

        /// <summary>Notes how to give back an enumerator lent in this scope.</summary>
        internal void Lend(Action giveBack) => _lent.Add(giveBack);

        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            foreach (var giveBack in _lent)
                giveBack();
            _lent.Clear();
            t_current = _outer;
        }
    }
}
