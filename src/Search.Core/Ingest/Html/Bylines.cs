using AngleSharp.Dom;

namespace Search.Core.Ingest.Html;

/// <summary>
/// Author names from meta tags and visible bylines, cleaned of what pages wrap them in: "By",
/// "Written by", "Follow", "Updated …", e-mail addresses, a trailing date, "| Reuters".
/// </summary>
public static partial class Bylines
{
    /// <summary>A byline longer than this is a sentence, not a name list.</summary>
    private const int MaxLength = 100;

    private static readonly string[] VisibleSelectors =
    [
        "[rel~=author]", "[itemprop~=author] [itemprop~=name]", "[itemprop~=author]", "[class*=byline]", "[id*=byline]",
        "[class*=author-name]", "[class*=author_name]", "[class*=authorName]", "[class~=author]", "[class*=article-author]",
    ];

    /// <summary>The first usable author from meta values (URLs and @handles are not names; nor is
    /// the page's own <paramref name="outlet"/>, so a later value can name the person).</summary>
    public static string? FromMeta(IEnumerable<string> values, OwnOutlet? outlet = null)
    {
        foreach (string value in values)
        {
            if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith('@') || value.Contains("www.", StringComparison.OrdinalIgnoreCase))
                continue;
            string name = Clean(value);
            if (outlet != null)
                name = WithoutOwnOutlet(name, outlet)!;
            if (name.Length > 0)
                return name;
        }
        return null;
    }

    /// <summary>The first visible byline in the page, searched inside <c>&lt;article&gt;</c> first,
    /// that is not only the page's own <paramref name="outlet"/>.</summary>
    public static string? Visible(IDocument document, OwnOutlet? outlet = null)
    {
        IParentNode[] scopes = document.QuerySelector("article") is { } article ? [article, document] : [document];
        foreach (IParentNode scope in scopes)
            foreach (string selector in VisibleSelectors)
                foreach (IElement e in scope.QuerySelectorAll(selector).Take(5))
                {
                    if (e.Closest("header, article, main, [class*=byline]") == null && e.Closest("footer, aside, nav, [class*=comment]") != null)
                        continue;
                    if (e.Closest("[itemprop~=itemReviewed]") != null)
                        continue; // a fact check's claim: its author made the claim, not the article
                    // Line breaks and blocks inside a byline separate its parts ("By<br>Jane Doe<br>Senior
                    // Reporter"), which its bare text runs together.
                    string text = e.LocalName == "meta" ? e.GetAttribute("content") ?? "" : HtmlText.ToText(e).Replace("\n\n", ", ", StringComparison.Ordinal);
                    string name = Clean(text);
                    if (outlet != null)
                        name = WithoutOwnOutlet(name, outlet)!;
                    if (name.Length > 1 && name.Any(char.IsLetter) && !name.Contains("://", StringComparison.Ordinal))
                        return name;
                }
        return null;
    }

    /// <summary>Cleans one byline: collapses space, removes "By"/"Written by"/"Analysis by", a leading
    /// "Label:", "Follow …", e-mail addresses, a date, weekday or reading time after the names, and a
    /// trailing "| Outlet"; splits names run together ("ERIC TUCKERAssociated Press", "Phil HelselPhil
    /// Helsel is a reporter…"), drops job titles ("AP Sports Writer", "Staff Writer") and repeated
    /// names. Empty when what is left is not a person or an agency: a label ("By", "Biography"), a
    /// role alone ("Senior Contributor"), a file name ("humans.txt"), a user name ("admin").</summary>
    public static string Clean(string raw)
    {
        string s = Search.Core.Ingest.ParagraphText.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(raw));
        s = s.Replace(';', ',').Replace('；', ',');
        s = GluedBy().Replace(s, "$1 ");
        s = ContactsAndReadingTime().Replace(s, "");
        s = RunTogether().Replace(s, ", ");
        s = LeadingLabelOrBy().Replace(s, "");
        s = Trailing().Replace(s, "");
        s = NameJoiner().Replace(s, ", ");
        if (s.EndsWith(':') || s.EndsWith('：'))
            return ""; // a label ("Author:") whose name is elsewhere
        s = s.Trim(' ', ',', '|', '-', '–', '—', ':', '·', '•');
        if (s.Length == 0 || s.Length > MaxLength || !s.Any(char.IsLetter))
            return "";
        if (s.Count(char.IsDigit) >= 4)
            return ""; // a date or time ("21.dez.2018 às 10h55"), not a name
        var names = new List<string>();
        foreach (string part in s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string name = WithoutDesk(TrailingWeekday().Replace(part, "").Trim());
            if (name.StartsWith("the ", StringComparison.Ordinal))
                name = "The" + name[3..]; // "Jane Doe and the Associated Press"
            if (IsName(name) && !names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)))
                names.Add(Undoubled(name));
        }
        return string.Join(", ", names);
    }

    /// <summary>A North American broadcaster's call sign, alone or with the station's own suffix
    /// ("KWCHCIK": KWCH's "Catch It Kansas"; "WGBH", "WXYZ-TV"): local TV and radio sites' templates
    /// put the station's code in <c>meta name=author</c> on every page. A station is an outlet, not
    /// a person. Told from a surname in capitals ("WRIGHT", "KELLER") by four consonants in a row,
    /// which no name of that shape has (call signs are letters, not words), or by a -TV/-FM suffix.</summary>
    [GeneratedRegex(@"^(?=[KW][A-Z]{3,6}$)[A-Z]*[BCDFGHJKLMNPQRSTVWXZ]{4}|^[KW][A-Z]{2,3}-(?:TV|FM|AM|DT)$")]
    private static partial Regex CallSign();

    /// <summary>E-mail addresses; an "@handle" and everything after it (social links follow the
    /// names); a reading time ("4 min read") and everything after it.</summary>
    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+|\s*@\w+.*$|\s*\d+\s*min(?:ute)?s?\.?\s+read\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ContactsAndReadingTime();

    /// <summary>"Текст: Лида Буслаева", "Words: Jane Smith": a one- or two-word label before a colon;
    /// then "By", "Written by", "Par", "Von" before the names (not the "von" of "von der Leyen").</summary>
    [GeneratedRegex(@"^(?:[\p{L}]+(?:\s[\p{L}]+)?\s?[:：]\s+(?=\S))?(?:(?:(?:written|posted|reported|words|story|text|analysis|commentary|opinion|photos?|interview)\s+)?(?:by|par|por|von(?!\s+(?:der|dem|den)\b)|door|di|da|av|przez)\s*:?\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingLabelOrBy();

    /// <summary>Two words glued where markup separated them, at the end of a name: "Eric
    /// TUCKERAssociated", "Phil HelselPhil", "Jeff FoustMonday", "Jane DoeJohn Smith". Only after a
    /// first name, so brands ("LinkNaija", "MarketWatch") stay whole, and not after the prefixes
    /// of surnames written with a capital inside ("McDonald", "MacDonald", "LaMotte", "VanDyke").</summary>
    [GeneratedRegex(@"(?<=\b\p{Lu}[\p{Ll}\p{Lu}]+\s+(?:\p{Lu}\.\s+)?(?:\p{Lu}\p{Ll}{3,}|\p{Lu}{2,}))(?=\p{Lu}\p{Ll}{2,})|(?<=\b\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}{2,})(?<!\b(?:Mac|Van|Von|Den|Der|Del|Dal|Las|Los|Les|Dos|Das|Des|Ten|Ter|Fitz|Vander|Vanden|Della|Delle|Degli))(?=\p{Lu})")]
    private static partial Regex RunTogether();

    /// <summary>"By" glued to the name it introduces, where markup put a line break between them ("ByJane Doe").</summary>
    [GeneratedRegex(@"^(By|Par|Por|Von)(?=\p{Lu}\p{Ll})")]
    private static partial Regex GluedBy();

    /// <summary>"A and B", "A et B", "A & B", "A AND B" between names, "A and the Associated Press":
    /// listed as "A, B".</summary>
    [GeneratedRegex(@"\s+(?:and|&|et|und|y|e|en|i|og|och|AND|ET|UND)\s+(?=(?:the\s+)?\p{Lu})")]
    private static partial Regex NameJoiner();

    /// <summary>What trails the names: a separator or a word such as "updated" or "follow" and all after
    /// it ("| CNN", "Follow @x"), or a date.</summary>
    [GeneratedRegex(@"(?:\s*(?:\||•|·|—|–|\bon\b|\bupdated\b|\bpublished\b|\bposted\b|\bfollow\b|\bcontact\b|\bmore by\b|\bemail\b|\btwitter\b)\s*.*|\s*,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*|\s*\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}.*|\s*\d{4}-\d\d-\d\d.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Trailing();

    /// <summary>Removes the outlet a byline ends with when it is the page's own ("Jill Disis, CNN
    /// Business" on CNN: the site is already the source), and empties a byline that is only the
    /// page's own outlet or one of its desks ("BBC News" on BBC News, "Telegraph Sport" on The
    /// Telegraph, "Beachbody" on beachbodyondemand.com): the source field names the outlet, and an
    /// outlet is not a person. A news agency stays, even on its own site ("Reuters" on Reuters).</summary>
    public static string? WithoutOwnOutlet(string? byline, OwnOutlet outlet)
    {
        if (byline == null)
            return null;
        var names = byline.Split(", ").ToList();
        while (names.Count > 1 && outlet.EndsWith(names[^1]))
            names.RemoveAt(names.Count - 1);
        if (names.Count == 1 && outlet.Names(names[0]) && !NewsAgencies.Is(names[0]))
            return "";
        return string.Join(", ", names);
    }

    /// <summary>Words that end a desk's credit: "HNN Staff", "Practical Horseman Editorial Staff",
    /// "News Nation Bureau". A desk is not a person; an agency's desk ("Reuters Staff") is the
    /// agency.</summary>
    private static readonly HashSet<string> DeskWords = new(StringComparer.OrdinalIgnoreCase) { "staff", "bureau", "desk", "newsroom" };

    /// <summary>A desk's credit as what it names: the agency ("Reuters Staff" → "Reuters"), or
    /// nothing ("HNN Staff"); any other part unchanged.</summary>
    private static string WithoutDesk(string part)
    {
        string[] words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !DeskWords.Contains(words[^1]))
            return part;
        string rest = string.Join(' ', words[..^1]);
        foreach (string word in (string[])["Editorial", "News", "Wire"])
            if (rest.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase))
                rest = rest[..^(word.Length + 1)];
        return NewsAgencies.Is(rest) ? rest : "";
    }

    private static readonly string[] AboutPhrases = [" is a ", " is an ", " is the ", " covers ", " writes "];

    private static bool IsName(string part)
    {
        if (part.Length < 2 || !part.Any(char.IsLetter))
            return false;
        if (FileName().IsMatch(part))
            return false; // "humans.txt"
        string[] words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.All(BylineWords.Credentials.Contains))
            return false; // "MS", "RDN" after the name
        if (words.All(w => BylineWords.LabelWords.Contains(w.Trim('.', ':', '-'))))
            return false; // "By", "Biography", "Senior Contributor"
        if (words.Length == 1 && part.All(c => !char.IsLetter(c) || (c < 128 && char.IsLower(c))) && !NewsAgencies.Is(part))
            return false; // a user name ("admin", "jdadmin"); not an agency written small ("dpa", "efe")
        if (Weekday().IsMatch(part))
            return false;
        if (CallSign().IsMatch(part))
            return false; // a station's code ("KWCHCIK"), not a person
        if (IsOtherOrganisation(words, part))
            return false; // "The Water Coolest", "The Motley Fool"
        if (words.Any(w => BylineWords.RoleWords.Contains(w.Trim('.', ',', ':'))))
            return false; // "AP Sports Writer", "Business Columnist"
        string lower = " " + part.ToLowerInvariant() + " ";
        return !AboutPhrases.Any(p => lower.Contains(p, StringComparison.Ordinal)); // "… is a reporter for NBC News."
    }

    /// <summary>A name that begins with "The" is an organisation's, never a person's. It is an
    /// author only as a news agency ("The Associated Press", <see cref="NewsAgencies"/>) or a
    /// publication whose copy is printed ("The Washington Post"); any other ("The Water Coolest", a
    /// newsletter brand; "The Motley Fool") is a brand signing, not a person or an agency.</summary>
    private static bool IsOtherOrganisation(string[] words, string part) =>
        words.Length >= 2 && words[0].Equals("The", StringComparison.OrdinalIgnoreCase)
        && !NewsAgencies.Is(part) && !BylineWords.PublicationWords.Contains(words[^1].Trim('.', ','));

    /// <summary>"Sean Martin Sean Martin" (a name printed twice, one copy hidden) → "Sean Martin".</summary>
    private static string Undoubled(string name)
    {
        string[] w = name.Split(' ');
        if (w.Length % 2 == 0 && w.Length >= 2)
        {
            int h = w.Length / 2;
            if (w.Take(h).SequenceEqual(w.Skip(h), StringComparer.Ordinal))
                return string.Join(' ', w.Take(h));
        }
        return name;
    }

    /// <summary>A weekday after a name ("Jeff Foust Monday").</summary>
    [GeneratedRegex(@"\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingWeekday();

    /// <summary>A weekday or relative day where a name should be.</summary>
    [GeneratedRegex(@"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    /// <summary>A file name where a name should be ("humans.txt").</summary>
    [GeneratedRegex(@"^\S+\.(?:txt|html?|php|aspx?|jsp|xml|json|js|css|pdf|jpe?g|png|gif)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();
}
