namespace Search.Core.Enrich.Places;

/// <summary>
/// When a mentioned country counts as what the article is "about". The defaults were tuned on the
/// human PLACES labels of Reuters-21578 (tests/Search.Core.Tests/Enrich/Places/RESULTS.md); the tests
/// vary them to show the precision/recall trade-off.
/// </summary>
internal sealed record PlaceRecognizerOptions
{
    public static readonly PlaceRecognizerOptions Default = new();

    /// <summary>A country named in the title is always kept.</summary>
    public bool TitleDecides { get; init; } = true;

    /// <summary>Body mentions that make a country a subject wherever they are. One or two passing
    /// mentions ("priced in U.S. dollars", "listed in Luxembourg") are the main source of false positives.</summary>
    public int MinBodyMentions { get; init; } = 4;

    /// <summary>A mention within this many words of the start of the body (dateline and lead) is kept.</summary>
    public int EarlyWords { get; init; } = 10;

    /// <summary>A country named once by its name (not a demonym, city or short form such as "U.S.")
    /// is kept when the article names at most this many countries and the name comes before
    /// <see cref="NamedOnceBefore"/> of the body ("... a branch mostly active in Afghanistan"); 0 turns
    /// this off. It costs some precision but keeps the few countries a short story is about that it
    /// names only once. 0 (was 2, before that 3): the setting with the best F1 among those reaching
    /// precision 0.92 over every facet value on one half of Reuters-21578 (`Search.Benchmarks places
    /// --sweep --half even`; 0.92 rather than 0.90 leaves room for archives unlike Reuters), reported on
    /// the other half (docs/duplicates.md). A country named once is still found from the title or the
    /// first words.</summary>
    public int NamedOnceMaxCountries { get; init; }

    /// <summary>Fraction of the body before which a once-named country counts; the tail of wire copy
    /// is boilerplate ("the notes will be listed in Luxembourg").</summary>
    public double NamedOnceBefore { get; init; } = 0.75;

    /// <summary>"U.S. Embassy in Moscow" is about Russia: a country right before embassy/ambassador/
    /// envoy/consulate is the sender, and that mention is not counted.</summary>
    public bool DiscountEnvoys { get; init; } = true;
}
