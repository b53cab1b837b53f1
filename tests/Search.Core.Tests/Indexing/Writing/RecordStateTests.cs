using Search.Core.Indexing.Writing;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

public sealed class RecordStateTests
{
    [Theory]
    [InlineData("n1")]
    [InlineData("")]
    [InlineData("wikinews_2019.csv#12")]
    [InlineData("Zürich/Москва 北京")]
    public void Hash_and_id_round_trip(string id)
    {
        var hash = UInt128.MaxValue - 12345;
        var (decodedHash, decodedId) = RecordState.Decode(RecordState.Encode(hash, id));
        Assert.Equal(hash, decodedHash);
        Assert.Equal(id, decodedId);
    }
}
