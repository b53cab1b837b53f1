using System.Text;
using System.Text.Json;

namespace Search.Core.Tests.Enrich.Places;

/// <summary>
/// Builds <c>src/Search.Core/Enrich/Places/places.tsv</c> from the shared gazetteer (mledoze/countries
/// and GeoNames cities15000) plus the curated rules below. It runs at development time only (see
/// <see cref="PlacesDataTests"/>): the shipped artifact is the committed TSV, so the product never
/// needs <c>../shared</c>. Every curated list says why it exists; precision beats recall throughout.
/// </summary>
internal static class PlacesDataGenerator
{
    private static readonly System.Buffers.SearchValues<char> AliasPunctuation = System.Buffers.SearchValues.Create(",();");

    /// <summary>Cities at or above this population become aliases of their country.</summary>
    private const int CityMinPopulation = 1_000_000;

    /// <summary>A city or capital name is kept only if it is this many times more populous than its
    /// biggest namesake in another country ("Hyderabad" IN/PK, "Valencia" ES/VE, "San Jose" US/CR).</summary>
    private const int NamesakeRatio = 5;

    /// <summary>Labels are mledoze's common names except where the common English news name differs.</summary>
    private static readonly Dictionary<string, string> LabelOverrides = new()
    {
        ["Türkiye"] = "Turkey", // renamed in 2022; English news still mostly says Turkey
    };

    /// <summary>Aliases from the data that are dropped: English words, first names or surnames, or
    /// names of something else in English-language news.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "Island", "Mann", "Mannin", "Lao", "Prathet", "Viti", "Guiana", "Reunion", "Timor", "Portuguesa",
        "Mexicanos", "Emirates", "Kittitian", "Nevisian",
        // capitals that are common names or English places/words
        "Hamilton", "Victoria", "City of Victoria", "Stanley", "Douglas", "Jamestown", "Plymouth", "The Valley",
        "West Island", "Saint-Denis", "The Bottom", "George Town", "Georgetown", "Saint John's",
        "St. George's", "Male", "Kingston", "Charlotte Amalie", "Saint-Pierre", "Diego Garcia", "Nassau", "Cayenne",
        // big cities whose names are words, acronyms or ambiguous in English news
        "Aba", "Jos", "Kota", "Cali", "Hue", "Huế", "Queens", "Alexandria", "Birmingham", "Córdoba", "Cordoba",
        "Valencia", "Thane", "Thāne", "Camayenne", "Budta", "Malingao", "Guankou", "Heshan", "Wuwei", "Yulin",
        "Salvador", "Santiago de los Caballeros", "Zhu Cheng City", "Aurangabad", "Pimpri",
        // demonyms shared by independent countries or too generic
        "Congolese", "Virgin Islander", "Channel Islander", "American Islander", "Dominican", "Guinean",
        "Samoan", "Sahrawi", "Motswana", "Kirghiz", "Tadzhik",
    };

    /// <summary>Aliases that are also surnames: a match right after a capitalised word is taken as a
    /// person ("Michael Jordan", "Jack London", "Joaquin Phoenix", "Elia Kazan").</summary>
    private static readonly HashSet<string> Surname = new(StringComparer.Ordinal)
    {
        "Jordan", "Chad", "Israel", "Kenya", "Georgia", "Holland", "Paris", "London", "Berlin", "Sofia",
        "Lima", "Wellington", "Washington", "Kobe", "Phoenix", "Dallas", "Houston", "Brooklyn", "Sydney",
        "Adelaide", "Milan", "Kazan", "Samara", "Moroni", "Bern", "Jersey", "Guernsey", "Dominica",
        "Shiraz", "Santiago", "Kingston", "Lebanon", "Perth", "Melbourne", "Chile", "Cuba", "Florence",
    };

    /// <summary>Aliases that are also first names: a match right before a capitalised word is taken as
    /// a person ("Chad Smith", "Paris Hilton", "Jordan Peterson", "Kobe Bryant").</summary>
    private static readonly HashSet<string> FirstName = new(StringComparer.Ordinal)
    {
        "Jordan", "Chad", "Paris", "Sydney", "Kobe", "Israel", "Kenya", "Georgia", "Adelaide", "Milan",
        "Sofia", "Dallas", "Brooklyn", "Santiago", "Samara", "India", "Holland", "Houston", "Phoenix",
    };

    /// <summary>Aliases that count only when the same country is also named by a strong alias
    /// elsewhere in the article: "Georgia" is more often the US state than the country.</summary>
    private static readonly HashSet<string> NeedsSupport = new(StringComparer.Ordinal)
    {
        "Georgia", "Georgian", "Georgians", "Jersey", "Guernsey", "Soviet", "Soviets",
    };

    /// <summary>Words that, right before the alias, mean it is not the place (case-insensitive).</summary>
    private static readonly Dictionary<string, string> NotAfter = new(StringComparer.Ordinal)
    {
        ["Turkey"] = "roast,roasted,stuffed,smoked,wild,thanksgiving,christmas,butterball,carve,carving,deep-fried,fried",
        ["Soviet"] = "former,ex",
        ["Chad"] = "mr,dear",
        ["Jordan"] = "mr,ms,mrs,dear,air,michael",
        ["Kenya"] = "mr,ms,mrs",
        ["Georgia"] = "sweet,southern",
    };

    /// <summary>Words that, right after the alias, mean it is not the place (case-insensitive).</summary>
    private static readonly Dictionary<string, string> NotBefore = new(StringComparer.Ordinal)
    {
        ["Turkey"] = "breast,breasts,sandwich,sandwiches,dinner,dinners,burger,burgers,recipe,recipes,legs,leg,meat,gravy,stuffing,day,bacon,sausage,club,trot,shoot,hunting,vulture,vultures,feathers",
        ["Chad"] = "said,says,told",
        ["Jordan"] = "said,says,told,scored,shoes,sneakers",
        ["Washington"] = "state",
    };

    /// <summary>Curated aliases the data lacks: common short names, plural demonyms the data does not
    /// give, historical names that news archives use (Soviet, West Germany, Zaire, Kampuchea), and
    /// metonyms that reliably name a country. These override any data alias with the same text.</summary>
    private static readonly (string Label, string Aliases)[] Extras =
    {
        ("United States", "US|U.S.|U.S.A.|USA|America|Washington|New York|New York City|New Mexico|New Jersey|New England|Bronx|Native American|Native Americans"),
        ("United Kingdom", "UK|U.K.|Britain|Great Britain|British|Briton|Britons|England|Scotland|Wales|Northern Ireland|Scottish|Welsh|Northern Irish|Whitehall"),
        ("Russia", "Soviet Union|USSR|U.S.S.R.|Soviet|Soviets|Kremlin|Saint Petersburg|Russian Federation|Chechnya|Chechen|Chechens|Dagestan|Ingushetia|Siberia|Siberian"),
        ("Kazakhstan", "Kazakh|Kazakhs|Alma-Ata|Nur-Sultan"),
        ("Kyrgyzstan", "Kyrgyz|Kirgizia"),
        ("Uzbekistan", "Uzbek|Uzbeks"),
        ("Tajikistan", "Tajik|Tajiks"),
        ("Afghanistan", "Afghans"),
        ("Germany", "West Germany|East Germany|West German|East German|Bonn"),
        ("Philippines", "Philippine"),
        ("Turkey", "Turkey|Turks|Turkish"),
        ("South Korea", "Korea|Korean|Koreans|Republic of Korea"),
        ("North Korea", "North Korea|North Korean|North Koreans"),
        ("China", "Peking|Mainland China"),
        ("DR Congo", "Zaire|Zairean|Zairian|Democratic Republic of Congo"),
        ("Cambodia", "Kampuchea|Kampuchean"),
        ("Myanmar", "Rangoon"),
        ("Vietnam", "Saigon|Viet Nam"),
        ("Ukraine", "Kiev"),
        ("India", "Bombay|Calcutta|Madras|Bangalore|New Delhi"),
        ("Czechia", "Czech Republic"),
        ("Bosnia and Herzegovina", "Bosnia"),
        ("Vatican City", "Holy See"),
        ("Saudi Arabia", "Saudi|Saudis|Saudi Arabian|Saudi Arabians"),
        ("United Arab Emirates", "U.A.E.|Emirati|Emiratis"),
        ("Dominican Republic", "Dominican Republic"),
        ("Netherlands", "The Hague|Rotterdam"),
        ("Switzerland", "Geneva|Zurich|Zürich"),
        ("Cape Verde", "Cabo Verde"),
        ("Ivory Coast", "Cote d'Ivoire|Côte d'Ivoire"),
        ("Trinidad and Tobago", "Trinidad"),
        ("Antigua and Barbuda", "Antigua"),
        ("Australia", "New South Wales|Western Australia"),
        ("Canada", "British Columbia"),
        ("Jamaica", "Kingston"),
        // Institutions that name their country wherever they appear (central banks, markets, seats of
        // government), and states and provinces, which news names instead of the country.
        ("United States", "Federal Reserve|Fed|Wall Street|Securities and Exchange Commission|Nasdaq|New York Stock Exchange|White House|Pentagon|Capitol Hill|" +
            "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|" +
            "Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|North Carolina|North Dakota|Ohio|" +
            "Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming"),
        ("Germany", "Bundesbank|Bavaria|Bavarian|Frankfurt"),
        ("Japan", "Bank of Japan|Osaka"),
        ("United Kingdom", "Bank of England|Downing Street|City of London"),
        ("Canada", "Bank of Canada|Ontario|Quebec|Alberta|Saskatchewan|Manitoba|Nova Scotia|New Brunswick|Newfoundland|Toronto|Montreal|Vancouver"),
        ("France", "Bank of France|Elysee|Élysée"),
        ("Australia", "Queensland|Reserve Bank of Australia|Pty"),
        // Company legal forms of one jurisdiction: "Acme Inc said" is a US company's news.
        ("United States", "Inc"),
        ("United Kingdom", "Plc|PLC"),
        ("Germany", "GmbH"),
        ("Italy", "SpA|S.p.A."),
    };

    /// <summary>Phrases that contain an alias but name something else; matching them consumes the
    /// words so the inner alias does not fire ("Islamic State" must not be a place).</summary>
    private static readonly string[] Blockers =
    {
        "Islamic State", "New Mexican", "New Guinea", "New Britain", "New Ireland", "Indian Ocean",
        "American Indian", "American Indians", "West Indies", "West Indian", "West Indians",
        "Latin America", "Latin American", "Latin Americans", "South America", "South American",
        "North America", "North American", "Central America", "Central American", "Americas",
        "Korean Peninsula", "Korean War", "Gulf of Mexico", "Guinea Pig", "Jordan River",
        "French Guiana", "Georgia Tech", "Mali Empire", "English Channel", "Panama Canal Zone",
        "Russian Orthodox", "Turkish Cypriot", "Turkish Cypriots", "Arab Emirates",
        // Outlets and companies named after a country are not news about it ("Agence France-Presse
        // reported" says nothing about France).
        "Agence France-Presse", "Agence France Presse", "France-Presse", "France Presse", "Radio France", "France 24",
        "Voice of America", "Radio Free Europe", "New York Times", "Japan Times", "Moscow Times", "China Daily",
        "Times of India", "Jerusalem Post", "Irish Times", "Canadian Press", "Australian Associated Press",
        "Bank of America", "American Express", "American Airlines", "Air France", "Air Canada", "Japan Airlines",
        "British Airways", "British Petroleum", "British Telecom", "Royal Dutch", "Canadian Pacific", "Canadian National",
        "Korean Air", "Swiss Re", "Swiss Bank", "Union Bank of Switzerland", "Credit Suisse",
    };

    private sealed record Entry(string Alias, string Label, char Kind, bool Independent);

    public static string Generate(string gazetteerRoot)
    {
        var entries = new List<Entry>();
        var labelOf = new Dictionary<string, string>(StringComparer.Ordinal); // cca2 -> label
        var independent = new Dictionary<string, bool>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(gazetteerRoot, "countries", "countries.json"))))
        {
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                string common = c.GetProperty("name").GetProperty("common").GetString()!;
                string label = LabelOverrides.GetValueOrDefault(common, common);
                string cca2 = c.GetProperty("cca2").GetString()!;
                bool indep = c.TryGetProperty("independent", out var ind) && ind.ValueKind == JsonValueKind.True;
                labelOf[cca2] = label;
                independent[label] = indep;
                void Add(string alias, char kind) => entries.Add(new Entry(alias.Trim(), label, kind, indep));
                Add(common, 'C');
                Add(c.GetProperty("name").GetProperty("official").GetString()!, 'C');
                foreach (var alt in c.GetProperty("altSpellings").EnumerateArray())
                    Add(alt.GetString()!, 'C');
                foreach (var cap in c.GetProperty("capital").EnumerateArray())
                    Add(cap.GetString()!, 'K');
                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                    foreach (string form in new[] { "m", "f" })
                        foreach (string d in (eng.GetProperty(form).GetString() ?? "").Split(new[] { ",", " or " }, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        {
                            Add(d, 'D');
                            if (Plural(d) is { } plural) Add(plural, 'D');
                        }
            }
        }

        var cities = ReadCities(Path.Combine(gazetteerRoot, "geonames", "cities15000.txt"))
            .SelectMany(c => new[] { c.Name, c.AsciiName }.Distinct().Select(n => (n, c)))
            .ToLookup(x => Fold(x.n), x => x.c, StringComparer.OrdinalIgnoreCase);
        // Capitals are kept only if no foreign namesake rivals them: their own population is that of
        // the biggest same-named city in the country (0 when GeoNames has none above 15,000).
        entries.RemoveAll(e => e.Kind == 'K' && !labelOf.Any(kv => kv.Value == e.Label && OutranksNamesakes(cities, e.Alias, kv.Key)));
        foreach (var city in cities.SelectMany(g => g).Distinct().Where(c => c.Population >= CityMinPopulation && c.FeatureCode != "PPLX"))
            if (labelOf.TryGetValue(city.Country, out string? label))
                foreach (string name in new[] { city.Name, city.AsciiName }.Distinct())
                    if (OutranksNamesakes(cities, name, city.Country))
                        entries.Add(new Entry(name, label, 'Y', independent[label]));

        foreach (var (label, aliases) in Extras)
            foreach (string alias in aliases.Split('|'))
                entries.Add(new Entry(alias, label, 'X', true));
        foreach (string blocker in Blockers)
            entries.Add(new Entry(blocker, "-", 'B', true));

        // ASCII-folded twins ("Bogotá" -> "Bogota") and curly-apostrophe twins, as news text has both.
        foreach (var e in entries.ToList())
        {
            string folded = Fold(e.Alias);
            if (folded != e.Alias) entries.Add(e with { Alias = folded });
            if (e.Alias.Contains('\'')) entries.Add(e with { Alias = e.Alias.Replace('\'', '\u2019') });
        }

        var chosen = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var group in entries.Where(Usable).GroupBy(e => e.Alias, StringComparer.Ordinal))
        {
            // Curated entries win; otherwise the most specific kind (country name before demonym before
            // capital before city), then sovereign states over territories ("Indian" is India, not the
            // British Indian Ocean Territory); a tie between different countries drops the alias.
            var best = group.OrderBy(e => "XBCDKY".IndexOf(e.Kind)).ThenBy(e => e.Independent ? 0 : 1).ToList();
            var top = best.Where(e => e.Kind == best[0].Kind && e.Independent == best[0].Independent).Select(e => e.Label).Distinct().ToList();
            if (top.Count == 1) chosen[group.Key] = best[0];
        }

        var sb = new StringBuilder();
        sb.Append("# Place aliases for Search.Core.Enrich.Places.PlaceRecognizer. GENERATED by tests/Search.Core.Tests/Enrich/Places/PlacesDataGenerator.cs; see NOTICE.md.\n");
        sb.Append("# alias\tlabel ('-' = blocker phrase)\tkind (C country name/alt, D demonym, K capital, Y city, X curated, B blocker)\tflags (n also a surname, f also a first name, w needs support)\tnot-after words\tnot-before words\n");
        foreach (var e in chosen.Values.OrderBy(e => e.Label, StringComparer.Ordinal).ThenBy(e => e.Alias, StringComparer.Ordinal))
        {
            string flags = (Surname.Contains(e.Alias) ? "n" : "") + (FirstName.Contains(e.Alias) ? "f" : "") + (NeedsSupport.Contains(e.Alias) ? "w" : "");
            sb.Append(e.Alias).Append('\t').Append(e.Label).Append('\t').Append(e.Kind).Append('\t')
              .Append(flags.Length == 0 ? "-" : flags).Append('\t')
              .Append(NotAfter.GetValueOrDefault(e.Alias, "-")).Append('\t')
              .Append(NotBefore.GetValueOrDefault(e.Alias, "-")).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Whether an alias is safe to match as written: Latin script, capitalised, no ISO codes
    /// (two capitals: "IN", "IS", "AM" are words), no list punctuation, not on the drop list.</summary>
    private static bool Usable(Entry e)
    {
        string a = e.Alias;
        if (a.Length < 3 && e.Kind != 'X') return false;
        if (a.Length == 3 && a.All(char.IsUpper) && e.Kind != 'X' && a != "UAE" && a != "DRC") return false; // ISO alpha-3 style codes
        if (!char.IsUpper(a[0]) || a.AsSpan().IndexOfAny(AliasPunctuation) >= 0) return false;
        if (a.Any(ch => char.IsLetter(ch) && ch > '\u024F')) return false; // non-Latin scripts
        if (e.Kind != 'X' && (Dropped.Contains(a) || Dropped.Contains(a.Replace('\u2019', '\'')) || Dropped.Contains(Fold(a)))) return false;
        return true;
    }

    /// <summary>English plural of a demonym: "Kazakh" -> "Kazakhs"; none for "Swiss", "Chinese", "French".</summary>
    private static string? Plural(string demonym) =>
        demonym.EndsWith("ese") || demonym.EndsWith("ss") || demonym.EndsWith("sh") || demonym.EndsWith("ch")
        || demonym.EndsWith('x') || demonym.EndsWith('s') ? null : demonym + "s";

    private sealed record City(string Name, string AsciiName, string Country, string FeatureCode, long Population);

    private static List<City> ReadCities(string path)
    {
        var list = new List<City>();
        foreach (string line in File.ReadLines(path))
        {
            string[] f = line.Split('\t');
            if (f.Length < 15) continue;
            list.Add(new City(f[1], f[2], f[8], f[7], long.TryParse(f[14], out long p) ? p : 0));
        }
        return list;
    }

    private static bool OutranksNamesakes(ILookup<string, City> cities, string name, string country)
    {
        long own = 0, foreign = 0;
        foreach (var c in cities[Fold(name)])
        {
            if (c.Country == country) own = Math.Max(own, c.Population);
            else foreign = Math.Max(foreign, c.Population);
        }
        return foreign == 0 || own >= NamesakeRatio * foreign;
    }

    /// <summary>Strips Latin diacritics with a fixed table (the build runs with invariant
    /// globalization, so Unicode normalization is not relied on).</summary>
    private static string Fold(string s)
    {
        const string from = "áàâäãåāăąéèêëēėęěíìîïīıóòôöõøōőúùûüūůűçćčñńňýÿšşșśžźżťţțďğłřÁÀÂÄÃÅĀÉÈÊËÍÎÏİÓÒÔÖÕØŌÚÙÛÜÇČÑŠŞȘŽŢȚĞŁ";
        const string to = "aaaaaaaaaeeeeeeeeiiiiiioooooooouuuuuuucccnnnyysssszzztttdglrAAAAAAAEEEEIIIIOOOOOOOUUUUCCNSSSZTTGL";
        var sb = new StringBuilder(s.Length);
        foreach (char ch in s)
        {
            int i = from.IndexOf(ch);
            sb.Append(i >= 0 ? to[i] : ch);
        }
        return sb.ToString();
    }
}
