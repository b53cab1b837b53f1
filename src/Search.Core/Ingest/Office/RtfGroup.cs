namespace Search.Core.Ingest.Office;

/// <summary>Where the text of an RTF group goes.</summary>
internal enum RtfDestination
{
    /// <summary>The document's running text.</summary>
    Body,
    /// <summary><c>\info</c>: the document's properties; only its title and author are read.</summary>
    Info,
    /// <summary><c>\info</c>'s <c>\title</c>.</summary>
    Title,
    /// <summary><c>\info</c>'s <c>\author</c>.</summary>
    Author,
    /// <summary><c>\fonttbl</c>: each font's character set, for the bytes of text in it.</summary>
    FontTable,
    /// <summary><c>\stylesheet</c>: the styles' names, to tell a title or heading paragraph.</summary>
    Stylesheet,
    /// <summary>One style of the stylesheet: its number and name.</summary>
    Style,
    /// <summary><c>\upr</c>: a text written twice, in the code page and in Unicode (<c>\ud</c>), of
    /// which the Unicode one is read.</summary>
    UnicodeAlternatives,
}

/// <summary>
/// The state an RTF group carries and its closing brace restores: where its text goes, the font
/// its bytes are in, how many fallback characters follow a <c>\u</c>, whether its text is hidden,
/// and its paragraph's style.
/// </summary>
internal struct RtfGroup
{
    public RtfDestination Destination;

    /// <summary>Inside <see cref="RtfDestination.UnicodeAlternatives"/>: where the <c>\ud</c>
    /// text goes, the destination around it.</summary>
    public RtfDestination AroundAlternatives;

    /// <summary>The font in use (<c>\fN</c>); -1 before any.</summary>
    public int Font;

    /// <summary>How many characters after <c>\uN</c> are its fallback for readers without
    /// Unicode (<c>\ucN</c>; 1 unless set).</summary>
    public int UnicodeSkip;

    /// <summary>Hidden text (<c>\v</c>), which Word does not show or print.</summary>
    public bool Hidden;

    /// <summary>Text deleted with tracked changes (<c>\deleted</c>), which Word shows struck
    /// through but which is no longer the document's.</summary>
    public bool Deleted;

    /// <summary>The paragraph's style number (<c>\sN</c>); -1 for none.</summary>
    public int Style;

    /// <summary>The paragraph's outline level (<c>\outlinelevelN</c>, 0 for a first-level heading); -1 for none.</summary>
    public int OutlineLevel;

    /// <summary>The state of the document's outermost group.</summary>
    public static RtfGroup Document => new() { Destination = RtfDestination.Body, Font = -1, UnicodeSkip = 1, Style = -1, OutlineLevel = -1 };

    /// <summary>Whether text in this group is kept: the body's unless hidden or deleted, a title's, an
    /// author's or a style's name; never a font table's or the code-page half of <c>\upr</c>.</summary>
    public readonly bool KeepsText => Destination switch
    {
        RtfDestination.Body => !Hidden && !Deleted,
        RtfDestination.Title or RtfDestination.Author or RtfDestination.Style => true,
        _ => false,
    };
}
