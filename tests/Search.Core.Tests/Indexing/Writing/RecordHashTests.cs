using Search.Core.Indexing.Writing;
using Search.Core.Ingest;
using Xunit;

namespace Search.Core.Tests.Indexing.Writing;

public sealed class RecordHashTests
{
    private static Article Story(string body, int record = 7) => new()
    {
        Id = "n7", Title = "Harbour reopens", Body = body, Author = "A. Writer", Record = record, Line = record,
        Tags = { "ports" },
    };

    [Fact]
    public void Equal_records_hash_equal_and_any_changed_field_changes_the_hash()
    {
        var a = RecordHash.Of(Story("The harbour reopened."));
        Assert.Equal(a, RecordHash.Of(Story("The harbour reopened.")));
        Assert.NotEqual(a, RecordHash.Of(Story("The harbour reopened!")));
        var tagged = Story("The harbour reopened.");
        tagged.Tags.Add("weather");
        Assert.NotEqual(a, RecordHash.Of(tagged));
        // Values do not run together across fields: "ab" + "" differs from "a" + "b".
        Assert.NotEqual(RecordHash.Of(new Article { Id = "x", Title = "ab", Body = "" }), RecordHash.Of(new Article { Id = "x", Title = "a", Body = "b" }));
    }

    [Fact]
    public void A_record_that_only_moved_in_its_file_is_unchanged()
    {
        Assert.Equal(RecordHash.Of(Story("Same text.", record: 7)), RecordHash.Of(Story("Same text.", record: 6)));
    }
}
