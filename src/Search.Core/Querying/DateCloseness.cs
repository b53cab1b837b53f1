using System.Collections;
using Lucene.Net.Queries.Function;
using Search.Core.Indexing;

namespace Search.Core.Querying;

/// <summary>
/// A score factor for related articles: 1 + the weight (<see cref="Weight"/> by default) for an article written the same
/// day as the seed, falling by half every <see cref="HalfLifeDays"/> days, 1 for an undated one
/// (read from <see cref="Schema.PublishedSort"/>, yyyyMMdd doc values).
/// </summary>
public sealed class DateCloseness(int seedDay, double weight = DateCloseness.Weight) : ValueSource
{
    public const double Weight = 0.5;
    public const double HalfLifeDays = 30;

    /// <summary>Days since 0001-01-01 of an ISO date or a yyyyMMdd number, or null.</summary>
    public static int? Days(string? iso) =>
        iso != null && DateTime.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime d)
            ? (int)(d.Ticks / TimeSpan.TicksPerDay) : null;

    private static int? Days(long yyyymmdd)
    {
        int y = (int)(yyyymmdd / 10000), m = (int)(yyyymmdd / 100 % 100), day = (int)(yyyymmdd % 100);
        return y is >= 1 and <= 9999 && m is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, m)
            ? (int)(new DateTime(y, m, day).Ticks / TimeSpan.TicksPerDay) : null;
    }

    public override FunctionValues GetValues(IDictionary context, AtomicReaderContext readerContext)
    {
        NumericDocValues? dates = readerContext.AtomicReader.GetNumericDocValues(Schema.PublishedSort);
        IBits? has = readerContext.AtomicReader.GetDocsWithField(Schema.PublishedSort);
        return new Values(this, dates, has, seedDay, weight);
    }

    public override bool Equals(object? o) => o is DateCloseness other && other.SeedDay == SeedDay && other.FactorWeight == FactorWeight;

    public override int GetHashCode() => SeedDay.GetHashCode();

    public override string GetDescription() => $"date closeness to day {SeedDay}";

    private int SeedDay => seedDay;

    private double FactorWeight => weight;

    private sealed class Values(DateCloseness source, NumericDocValues? dates, IBits? has, int seed, double weight) : FunctionValues
    {
        public override double DoubleVal(int doc)
        {
            if (dates == null || has == null || !has.Get(doc) || Days(dates.Get(doc)) is not { } day)
                return 1;
            return 1 + weight * Math.Pow(0.5, Math.Abs(day - seed) / HalfLifeDays);
        }

        public override float SingleVal(int doc) => (float)DoubleVal(doc);

        public override string ToString(int doc) => $"{source.GetDescription()}={DoubleVal(doc)}";
    }
}
