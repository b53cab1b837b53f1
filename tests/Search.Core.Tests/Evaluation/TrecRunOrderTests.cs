using Search.Core.Evaluation;
using Xunit;

namespace Search.Core.Tests.Evaluation;

public class TrecRunOrderTests
{
    [Fact]
    public void Orders_by_score_descending_whatever_the_input_order()
    {
        var ranked = TrecRunOrder.Rank([("low", 1f), ("high", 3f), ("mid", 2f)]);
        Assert.Equal(["high", "mid", "low"], ranked);
    }

    [Fact]
    public void Breaks_score_ties_by_doc_id_descending_as_strcmp()
    {
        // trec_eval comp_sim_docno: strcmp(p2->docno, p1->docno). Byte order: "d9" > "d10" ('9' > '1'),
        // "a" (0x61) > "B" (0x42) > "A" (0x41); a culture-aware compare would put "B" above "a".
        var ranked = TrecRunOrder.Rank([("d10", 1f), ("A", 1f), ("d9", 1f), ("a", 1f), ("B", 1f), ("top", 2f)]);
        Assert.Equal(["top", "d9", "d10", "a", "B", "A"], ranked);
    }

    [Fact]
    public void Compares_ids_by_code_point_like_utf8_bytes()
    {
        // U+FF21 (fullwidth A) is above any surrogate in UTF-16 but below U+1F600 in UTF-8 bytes.
        var ranked = TrecRunOrder.Rank([("\uFF21", 1f), ("\U0001F600", 1f)]);
        Assert.Equal(["\U0001F600", "\uFF21"], ranked);
    }

    [Fact]
    public void Cuts_at_depth_after_sorting()
    {
        var ranked = TrecRunOrder.Rank([("c", 1f), ("a", 3f), ("b", 2f)], depth: 2);
        Assert.Equal(["a", "b"], ranked);
    }

    [Fact]
    public void Rejects_a_document_retrieved_twice_like_trec_eval()
    {
        var e = Assert.Throws<ArgumentException>(() => TrecRunOrder.Rank([("a", 2f), ("a", 1f)]));
        Assert.Contains("a", e.Message);
    }

    [Fact]
    public void Rejects_NaN_scores() =>
        Assert.Throws<ArgumentException>(() => TrecRunOrder.Rank([("a", float.NaN)]));
}
