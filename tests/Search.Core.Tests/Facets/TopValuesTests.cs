using Search.Core.Facets;
using Xunit;

namespace Search.Core.Tests.Facets;

public sealed class TopValuesTests
{
    /// <summary>Counts with many ties and labels that differ only in case, as authors' names do.</summary>
    private static Dictionary<string, int> Counts(int values, int seed)
    {
        var random = new Random(seed);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (counts.Count < values)
        {
            string label = $"{(char)('a' + random.Next(26))}{random.Next(values)}";
            counts[random.Next(4) == 0 ? label.ToUpperInvariant() : label] = 1 + random.Next(5);
        }
        return counts;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 5)]
    [InlineData(10, 40)]
    [InlineData(10, 5000)]
    [InlineData(1000, 5000)]
    [InlineData(6000, 5000)]
    public void The_first_values_are_those_a_full_sort_lists_first(int limit, int values)
    {
        var counts = Counts(values, limit + values);
        var sorted = counts.OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(limit).ToList();
        Assert.Equal(sorted, TopValues.Of(counts, limit, chronological: false));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(200)]
    public void A_chronological_dimension_keeps_the_latest_labels(int limit)
    {
        var years = Enumerable.Range(1950, 75).ToDictionary(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture), y => y % 7);
        var expected = years.OrderByDescending(kv => kv.Key, StringComparer.Ordinal).Take(limit).ToList();
        Assert.Equal(expected, TopValues.Of(years, limit, chronological: true));
    }

    [Fact]
    public void No_values_or_no_room_gives_an_empty_list()
    {
        Assert.Empty(TopValues.Of(new Dictionary<string, int>(), 10, chronological: false));
        Assert.Empty(TopValues.Of(Counts(50, 1), 0, chronological: false));
    }
}
