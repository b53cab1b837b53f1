namespace Search.Core.Ingest.Html;

/// <summary>
/// News agencies and wire services: organisations whose copy other outlets print under the
/// agency's name. Unlike an outlet signing its own page, an agency in a byline tells the reader
/// where the story came from (the source field names only the site that printed it), so it is an
/// author in issue 22's sense even on the agency's own site.
/// </summary>
public static class NewsAgencies
{
    /// <summary>The world's general news agencies by the names bylines give them (squashed: letters
    /// and digits only, lower case). A list is the only way to tell an agency from an outlet: both
    /// are organisations' names.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "ap", "associatedpress", "theassociatedpress", "apnews", "reuters", "thomsonreuters", "afp", "agencefrancepresse",
        "dpa", "deutschepresseagentur", "efe", "agenciaefe", "ansa", "agi", "adnkronos", "upi", "unitedpressinternational",
        "pa", "pressassociation", "thepressassociation", "pamedia", "canadianpress", "thecanadianpress", "cp",
        "aap", "australianassociatedpress", "nzpa", "bloomberg", "bloombergnews", "dowjonesnewswires", "xinhua", "xinhuanet",
        "kyodo", "kyodonews", "jiji", "jijipress", "yonhap", "yonhapnews", "tass", "itartass", "rianovosti",
        "interfax", "ukrinform", "unian", "belta", "pti", "presstrustofindia", "ians", "ani", "uni", "bernama", "antara",
        "anadolu", "anadoluagency", "aa", "sapa", "africannewsagency", "ntb", "tt", "stt", "ritzau", "anp", "belga", "apa",
        "sda", "keystonesda", "ctk", "pap", "mti", "bta", "hina", "tanjug", "agerpres", "lusa", "europapress", "notimex",
        "telam", "télam", "prensalatina", "agenciabrasil", "agênciabrasil", "estadaoconteudo", "estadãoconteúdo", "folhapress",
        "mena", "wam", "spa", "qna", "kuna", "irna", "wafa", "petra", "bss", "app", "cna", "centralnewsagency", "pna",
        "vna", "vietnamnewsagency", "kcna", "ips", "interpressservice", "ena", "kna", "nan", "newsagencyofnigeria",
    };

    /// <summary>Whether <paramref name="name"/> is an agency: one of <see cref="Names"/> (with or
    /// without "The", "Staff", "Wire") or a syndication service ("New York Times News Service",
    /// "Tribune News Service", "Dow Jones Newswires").</summary>
    public static bool Is(string name)
    {
        string s = Squash(name);
        if (s.Length == 0)
            return false;
        if (Names.Contains(s))
            return true;
        foreach (string affix in (string[])["staff", "wire", "newsagency", "agency"])
            if (s.EndsWith(affix, StringComparison.Ordinal) && Names.Contains(s[..^affix.Length]))
                return true;
        if (s.StartsWith("the", StringComparison.Ordinal) && Names.Contains(s[3..]))
            return true;
        return s.Length > "newsservice".Length && (s.EndsWith("newsservice", StringComparison.Ordinal) || s.EndsWith("newswires", StringComparison.Ordinal));
    }

    /// <summary>Letters and digits only, lower case: how names are compared.</summary>
    public static string Squash(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
