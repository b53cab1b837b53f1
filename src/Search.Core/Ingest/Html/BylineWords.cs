namespace Search.Core.Ingest.Html;

/// <summary>The words <see cref="Bylines"/> tells a name from a label, a job title, credentials and
/// a publication by.</summary>
internal static class BylineWords
{
    /// <summary>Words of labels and job titles: a byline part made only of these names no one.</summary>
    internal static readonly HashSet<string> LabelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "author", "authors", "autor", "auteur", "biography", "bio", "about", "profile", "posted", "written", "more",
        "editor", "editors", "editorial", "contributor", "contributors", "contributing", "columnist", "writer", "writers",
        "reporter", "correspondent", "senior", "chief", "guest", "special", "deputy", "managing", "executive", "associate",
        "admin", "administrator", "webmaster", "anonymous", "unknown", "user", "staff", "read", "share", "comments", "view",
        "all", "posts", "articles", "the", "of", "at", "large", "report", "reports", "at-large", "editor-at-large", "opinion", "analysis", "news",
        "from", "and", "wire", "wires", "service", "services", "agencies", "dispatches", // "From news services", "Staff and agencies"
    };

    /// <summary>Words that make a byline part a job title ("AP National Political Writer", "CNN Editor-at-large")
    /// or a sentence about the author ("… is a reporter for NBC News").</summary>
    internal static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "writer", "columnist", "editor", "correspondent", "reporter", "contributor", "producer", "photographer",
        "analyst", "anchor", "intern", "editor-at-large", "writer-at-large", "blogger",
    };

    /// <summary>Degrees and professional letters after a name ("Ilana Muhlstein, MS, RDN"): part of
    /// how the author signs, not a name of their own.</summary>
    internal static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase)
    {
        "phd", "ph.d.", "ph.d", "md", "m.d.", "ms", "m.s.", "ma", "m.a.", "mba", "mph", "msc", "bsc", "ba", "bs", "rd", "rdn",
        "ld", "rn", "np", "cpt", "cscs", "jd", "esq", "esq.", "cfa", "cpa", "cfp", "lcsw", "msw", "psyd", "edd", "dds", "dvm",
        "facp", "facs", "mrcp", "frcp",
    };

    /// <summary>Last words of a publication's name ("The Washington Post", "The Conversation"): a
    /// publication whose piece another site prints under its name is the copy's source, as an
    /// agency is.</summary>
    internal static readonly HashSet<string> PublicationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "times", "post", "journal", "press", "news", "herald", "tribune", "guardian", "telegraph", "gazette", "chronicle",
        "independent", "observer", "economist", "conversation", "star", "sun", "mail", "globe", "standard", "review",
        "magazine", "daily", "weekly", "record", "register", "courier", "examiner", "inquirer", "dispatch", "bulletin",
        "enquirer", "express", "mirror", "monitor", "sentinel", "statesman", "wire", "agency", "service",
    };
}
