namespace Search.Core.Evaluation;

/// <summary>
/// The measures of trec_eval 9.x, computed on one query. Inputs are the grades of the retrieved
/// documents in evaluation order (see <see cref="TrecRunOrder"/>); documents absent from the qrels
/// have grade 0 and so are not relevant, as in trec_eval (form_res_rels.c: RELVALUE_NONPOOL).
/// A document is relevant when its grade is at least <see cref="RelevanceLevel"/> (trec_eval's
/// default <c>-l 1</c>). Every measure is 0 for a query without relevant documents.
/// </summary>
public static class TrecMetrics
{
    public const int RelevanceLevel = 1;

    public static MetricValues Compute(IReadOnlyList<string> rankedDocIds, QueryJudgements judgements)
    {
        var grades = rankedDocIds.Select(judgements.GradeOf).ToList();
        return new MetricValues
        {
            Ndcg10 = NdcgAt(grades, 10, judgements.Grades.Values),
            Map = AveragePrecision(grades, judgements.RelevantCount),
            P10 = PrecisionAt(grades, 10),
            Recall100 = RecallAt(grades, 100, judgements.RelevantCount),
            Mrr = ReciprocalRank(grades),
        };
    }

    /// <summary>m_P.c: relevant in the first <paramref name="cutoff"/> / cutoff. A run shorter
    /// than the cutoff is padded with non-relevant documents, so the divisor stays the cutoff.</summary>
    public static double PrecisionAt(IReadOnlyList<int> rankedGrades, int cutoff) =>
        (double)CountRelevant(rankedGrades, cutoff) / cutoff;

    /// <summary>m_recall.c: relevant in the first <paramref name="cutoff"/> / all relevant.</summary>
    public static double RecallAt(IReadOnlyList<int> rankedGrades, int cutoff, int relevantCount) =>
        relevantCount == 0 ? 0 : (double)CountRelevant(rankedGrades, cutoff) / relevantCount;

    /// <summary>m_map.c: the sum of precision at each relevant retrieved document, divided by the
    /// number of relevant documents in the qrels (retrieved or not), so unretrieved relevant
    /// documents count as precision 0.</summary>
    public static double AveragePrecision(IReadOnlyList<int> rankedGrades, int relevantCount)
    {
        if (relevantCount == 0) return 0;
        double sum = 0;
        int relevantSoFar = 0;
        for (int i = 0; i < rankedGrades.Count; i++)
        {
            if (rankedGrades[i] < RelevanceLevel) continue;
            relevantSoFar++;
            sum += (double)relevantSoFar / (i + 1);
        }
        return sum / relevantCount;
    }

    /// <summary>m_recip_rank.c: 1 / rank of the first relevant document, 0 if none is retrieved.</summary>
    public static double ReciprocalRank(IReadOnlyList<int> rankedGrades)
    {
        for (int i = 0; i < rankedGrades.Count; i++)
            if (rankedGrades[i] >= RelevanceLevel) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>
    /// m_ndcg_cut.c: DCG = Σ gain / log2(rank + 1) over the first <paramref name="cutoff"/> ranks,
    /// with the grade as gain (only grades &gt; 0 add; trec_eval ignores <c>-l</c> here, so with
    /// graded qrels a grade-1 document adds gain even if the threshold were higher). The ideal DCG
    /// puts every judged grade &gt; 0 of <paramref name="judgedGrades"/> in descending order and cuts
    /// it at the same rank. (Early trec_eval 9.0 code left rank 1 undiscounted and used log2(rank)
    /// below it; current trec_eval uses log2(rank + 1), as here.)
    /// </summary>
    public static double NdcgAt(IReadOnlyList<int> rankedGrades, int cutoff, IEnumerable<int> judgedGrades)
    {
        double dcg = Dcg(rankedGrades.Take(cutoff));
        double ideal = Dcg(judgedGrades.Where(g => g > 0).OrderByDescending(g => g).Take(cutoff));
        return ideal > 0 ? dcg / ideal : 0;
    }

    private static double Dcg(IEnumerable<int> grades)
    {
        double sum = 0;
        int rank = 0;
        foreach (int grade in grades)
        {
            rank++;
            if (grade > 0) sum += grade / Math.Log2(rank + 1);
        }
        return sum;
    }

    private static int CountRelevant(IReadOnlyList<int> rankedGrades, int cutoff) =>
        rankedGrades.Take(cutoff).Count(g => g >= RelevanceLevel);
}
