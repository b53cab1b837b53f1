namespace Search.Tests.Support;

/// <summary>
/// Maps Reuters-21578 PLACES codes (1987) to the recognizer's labels. Codes not listed become the
/// title-cased words ("south-korea" -> "South Korea"). Historical states map to their successor as
/// named today (west-germany, east-germany -> Germany; ussr -> Russia, as the recognizer reads
/// "Soviet" as Russia; zaire -> DR Congo; kampuchea -> Cambodia; burma -> Myanmar; the two Yemens ->
/// Yemen). Yugoslavia and Czechoslovakia have no single successor and are left out of the scoring.
/// </summary>
public static class ReutersPlaceLabels
{
    private static readonly Dictionary<string, string?> Labels = new(StringComparer.Ordinal)
    {
        ["usa"] = "United States",
        ["uk"] = "United Kingdom",
        ["ussr"] = "Russia",
        ["west-germany"] = "Germany",
        ["east-germany"] = "Germany",
        ["uae"] = "United Arab Emirates",
        ["yemen-arab-republic"] = "Yemen",
        ["yemen-demo-republic"] = "Yemen",
        ["zaire"] = "DR Congo",
        ["congo"] = "Congo",
        ["kampuchea"] = "Cambodia",
        ["burma"] = "Myanmar",
        ["trinidad-tobago"] = "Trinidad and Tobago",
        ["antigua"] = "Antigua and Barbuda",
        ["swaziland"] = "Eswatini",
        ["us-virgin-islands"] = "United States Virgin Islands",
        ["yugoslavia"] = null,
        ["czechoslovakia"] = null,
    };

    /// <summary>The label for a code, or null when the code is left out of the scoring.</summary>
    public static string? Label(string code) =>
        Labels.TryGetValue(code, out string? label) ? label
        : string.Join(' ', code.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
