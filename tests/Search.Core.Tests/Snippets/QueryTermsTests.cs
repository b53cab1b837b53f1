using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Indexing;
using Search.Core.Snippets;
using Search.Core.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Snippets;

/// <summary>Patterns are highlighted as the terms their rewrite would search: read straight from
/// the terms dictionary when there are few, chosen by the rewrite when there are many.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class QueryTermsTests
{
    private readonly SeedIndex _index;

    public QueryTermsTests(SeedIndex index) => _index = index;

    [Theory]
    [InlineData("terror*")]
    [InlineData("russ*")]
    [InlineData("elect*")]
    [InlineData("s*")]
    [InlineData("prot?st*")]
    public void Pattern_terms_are_those_of_the_rewrite(string pattern)
    {
        using var dir = Lucene.Net.Store.FSDirectory.Open(_index.IndexPath);
        using var reader = DirectoryReader.Open(dir);
        foreach (string field in Schema.TextFields)
        {
            MultiTermQuery query = pattern.EndsWith('*') && !pattern[..^1].Contains('?')
                ? new PrefixQuery(new Term(field, pattern[..^1]))
                : new WildcardQuery(new Term(field, pattern));
            var expected = new HashSet<string>(StringComparer.Ordinal);
            var copy = (MultiTermQuery)query.Clone();
            copy.MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(64);
            if (copy.Rewrite(reader) is BooleanQuery rewritten)
                foreach (var c in rewritten.Clauses)
                    expected.Add(((TermQuery)c.Query).Term.Text);
            else
                expected.Add(((TermQuery)copy.Rewrite(reader)).Term.Text);
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Order(StringComparer.Ordinal), QueryTerms.Extract(query, field, reader).Terms.Order(StringComparer.Ordinal));
        }
    }
}
