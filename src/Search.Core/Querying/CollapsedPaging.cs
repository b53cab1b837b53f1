using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// One page of stories: the first article of each cluster in the chosen order stands for it (the
/// best-scored copy under relevance, the newest or oldest under a date order), so the copy shown
/// is the one that best answers what was asked. Widens the window when copies filled it before
/// the page was complete.
/// </summary>
internal static class CollapsedPaging
{
    public static ScoreDoc[] Page(TopCollection top, Filter? filter, int window, ClusterMap clusters, int offset, int limit, int maxDoc)
    {
        while (true)
        {
            var docs = top.Top(window);
            var seen = new HashSet<long>();
            var firsts = new List<ScoreDoc>(offset + limit);
            foreach (var sd in docs)
            {
                if (seen.Add(clusters.StoryOf(sd.Doc)))
                    firsts.Add(sd);
                if (firsts.Count == offset + limit)
                    break;
            }
            if (firsts.Count >= offset + limit || docs.Length >= top.TotalHits || window >= maxDoc)
                return firsts.Skip(offset).Take(limit).ToArray();
            window = (int)Math.Min((long)window * 4, maxDoc);
            top.Widen(filter, window);
        }
    }
}
