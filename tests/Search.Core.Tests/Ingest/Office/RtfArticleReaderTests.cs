using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Office;
using Search.Core.Tests.Support;
using Xunit;
using Xunit.Abstractions;
using static Search.Core.Tests.Ingest.ReaderTestKit;

namespace Search.Core.Tests.Ingest.Office;

/// <summary>RTF documents (press offices, old wire systems, Word's "Save as RTF"). They were
/// ignored as "not an article format".</summary>
public sealed class RtfArticleReaderTests(ITestOutputHelper output)
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests/Search.Core.Tests/Ingest/Office/Fixture");

    /// <summary>As Word writes a document: a header of fonts (one of them Cyrillic), colours, styles
    /// (Normal, heading 1, a character style, Title), revision ids, generator and properties; a
    /// header and footer; a title paragraph; a footnote, hidden text, a hyperlink field, bookmarks,
    /// a picture in hex and one in binary (<c>\bin</c>, whose bytes are braces and backslashes),
    /// Word's theme and style data.</summary>
    internal const string WordLike = """
        {\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff0\deff0\stshfdbch0\stshfloch0\deflang1033\deflangfe1033
        {\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}{\f1\fswiss\fcharset204\fprq2 Arial Cyr;}}
        {\colortbl;\red0\green0\blue0;\red255\green255\blue255;}
        {\*\defchp \fs22 }
        {\stylesheet{\ql \li0\ri0\sa160\widctlpar\wrapdefault\aspalpha\aspnum\faauto\adjustright\rin0\lin0\itap0 \rtlch\fcs1 \af0\afs22\alang1025 \ltrch\fcs0 \f0\fs22\lang1033\langfe1033\cgrid\langnp1033\langfenp1033 \snext0 \sqformat \spriority0 Normal;}
        {\s1\ql \li0\ri0\sb240\keepn\outlinelevel0 \b\fs32 \sbasedon0 \snext0 \slink15 \sqformat \spriority9 heading 1;}
        {\*\cs10 \additive \ssemihidden Default Paragraph Font;}
        {\s15\ql \fs56\kerning28 \sbasedon0 \snext0 \sqformat \spriority10 Title;}}
        {\*\rsidtbl \rsid1\rsid2}
        {\*\generator Microsoft Word 16.0;}
        {\info{\title Harbour reopens}{\author Windows User}{\operator Maria Keller}{\creatim\yr2020\mo3\dy14\hr9\min30}{\*\company Coastal Times}}
        {\*\xmlnstbl {\xmlns1 http://schemas.microsoft.com/office/word/2003/wordml}}
        \paperw12240\paperh15840\margl1440\margr1440
        {\header \pard\plain \s16\ql Coastal Times internal\par}
        {\footer \pard\plain \s17\ql Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}
        \pard\plain \ltrpar\s15\ql \rtlch\fcs1 \af0 \ltrch\fcs0 \fs56\insrsid1 Harbour reopens after repairs\par
        \pard\plain \ltrpar\ql \f0\fs22 The harbour reopened on Monday{\super\chftn}{\footnote \pard\plain \s18 {\super\chftn} Source: port authority.\par}. Ships {\v hidden note }can dock again.\par
        \pard\plain \s1\outlinelevel0 \b\fs32 Costs\par
        \pard\plain \f0 Repairs cost {\field{\*\fldinst {HYPERLINK "https://example.org/costs"}}{\fldrslt {\ul 45 million}}} euros{\*\bkmkstart costs}{\*\bkmkend costs}.{\pict\pngblip\picw10\pich10 89504e470d0a1a0a0000000d49484452}\par
        {\*\shppict{\pict\wmetafile8\bin6 }}}{{\}}{\nonshppict{\pict abcdef}}
        {\*\themedata 504b0304}
        {\*\colorschememapping 3c3f786d6c}
        {\*\latentstyles\lsdstimax376\lsdlockeddef0{\lsdlockedexcept \lsdqformat1 Normal;}}
        \pard The crew of the ferry {\f1 \'cf\'f0\'e8\'e2\'e5\'f2} waited.\par}
        """;

    private static Article Read(string name, string rtf) => Read(name, Encoding.ASCII.GetBytes(rtf));

    private static Article Read(string name, byte[] rtf)
    {
        using var dir = new TempDir();
        return ReadOne(new RtfArticleReader(), WriteBytes(dir, name, rtf));
    }

    private static RecordProblem Skipped(string name, byte[] bytes)
    {
        using var dir = new TempDir();
        return Assert.Single(new RtfArticleReader().Read(WriteBytes(dir, name, bytes))).Problem!;
    }

    private static string[] Paragraphs(string rtfBody) => Read("a.rtf", @"{\rtf1\ansi " + rtfBody + "}").Body.Split("\n\n");

    /// <summary><c>Fixture/kaczynski.rtf</c>, written by pandoc from a Wikinews article of the
    /// seeds: the title as the first paragraph, every character outside ASCII as <c>\uN?</c>.</summary>
    [Fact]
    public void A_document_pandoc_wrote_reads_as_its_title_and_paragraphs()
    {
        Article article = Read("kaczynski.rtf", File.ReadAllBytes(Path.Combine(Fixtures, "kaczynski.rtf")));
        Assert.Equal("Polish leader Jaroslaw Kaczynski promises stricter punishments for child abusers", article.Title);
        Assert.Null(article.Author);
        // The dateline paragraph is the article's date, as enrichment takes it from any body.
        Assert.Equal("2019-05-15", article.Published);
        string[] body = article.Body.Split("\n\n");
        Assert.Equal(4, body.Length);
        Assert.StartsWith("On Sunday, Polish leader Jarosław Kaczyński of the conservative Law and Justice Party", body[0]);
        Assert.Contains("Prawo i Sprawiedliwość publicly declared", body[0]);
        Assert.Contains("which is about pædophilia among Polish Roman Catholic priests", body[2]);
        Assert.EndsWith("to report cases of sexual abuse in the religious congregation to the higher church authorities.", body[3]);
        Assert.DoesNotContain("Helvetica", article.Body);
        Assert.DoesNotContain("\\", article.Body);
    }

    [Fact]
    public void Korean_written_as_unicode_escapes_reads_as_its_letters()
    {
        Article article = Read("seoul.rtf", File.ReadAllBytes(Path.Combine(Fixtures, "seoul.rtf")));
        Assert.Equal("Seoul city Mayor Park Won-soon found dead, South Korean police confirm", article.Title);
        Assert.Contains("he \"left home four–five hours ago after leaving words like a will", article.Body);
        Assert.Contains("4~5시간 전에 아버지가 유언 같은 말을 남기고 집을 나갔는데 전화기가 꺼져 있다", article.Body);
        Assert.EndsWith("His current term was through 2021.", article.Body);
    }

    [Fact]
    public void A_word_document_reads_its_styled_title_and_running_text_without_what_word_does_not_show()
    {
        Article article = Read("harbour.rtf", WordLike);
        Assert.Equal("Harbour reopens after repairs", article.Title);
        Assert.Null(article.Author); // "Windows User" is an account, not a person
        Assert.Null(article.Published); // as for .docx: a document's creation time is not its publication
        Assert.Equal(
            ["The harbour reopened on Monday. Ships can dock again.", "Costs", "Repairs cost 45 million euros.", "The crew of the ferry Привет waited."],
            article.Body.Split("\n\n"));
    }

    [Fact]
    public void A_stated_title_and_a_persons_name_as_author_are_read_from_the_properties()
    {
        Article article = Read("ferry.rtf", @"{\rtf1\ansi\ansicpg1252{\info{\title Ferry keeps running}{\author Ren\'e9e Dupont}}\pard Ferry keeps running\par\pard The old ferry will keep running every twenty minutes.\par}");
        Assert.Equal(("Ferry keeps running", "Renée Dupont"), (article.Title, article.Author));
        Assert.Equal("The old ferry will keep running every twenty minutes.", article.Body);
        Article stated = Read("vote.rtf", @"{\rtf1\ansi{\info{\title Bridge vote}{\author admin}}\pard The council voted on Monday to build a second bridge.\par\pard It opens in three years.\par}");
        Assert.Equal(("Bridge vote", null), (stated.Title, stated.Author));
        Assert.StartsWith("The council voted on Monday", stated.Body);
    }

    [Theory]
    [InlineData(@"\ansicpg1252 caf\'e9 na\'efve \'93quoted\'94 \'80 5", "café naïve “quoted” € 5")]
    [InlineData(@"\ansicpg1251 \'cc\'ee\'f1\'ea\'e2\'e0 \'e8 \'ca\'e8\'e5\'e2", "Москва и Киев")]
    [InlineData(@"\ansicpg1250 \'a3\'f3d\'9f", "Łódź")]
    [InlineData(@"\ansicpg932 \'93\'8c\'8b\'9e", "東京")]
    [InlineData(@"\ansicpg1252{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset204 Arial Cyr;}{\f2\fcharset238 Arial CE;}}\f0 caf\'e9 {\f1 \'cf\'f0\'e8\'e2\'e5\'f2} {\f2 \'a3\'f3d\'9f}", "café Привет Łódź")]
    public void Bytes_are_read_in_the_code_page_of_the_document_or_the_font(string rtf, string text)
    {
        Assert.Equal([text], Paragraphs(rtf + @"\par"));
    }

    [Fact]
    public void Unicode_characters_skip_their_fallback_as_many_characters_as_uc_says()
    {
        // \u233? with one fallback character; a negative N (a CJK letter, and both halves of an
        // emoji); \uc0 in a group, where nothing follows to skip; \uc2 with two \'hh to skip.
        Assert.Equal(["Café, 道–😀 naïve x—y"], Paragraphs(@"\uc1 Caf\u233?, \u-28589?\u8211?\u-10179?\u-8704? {\uc0 na\u239 ve} \uc2 x\u8212\'97\'97y\par"));
    }

    [Fact]
    public void Text_deleted_with_tracked_changes_is_not_read_and_inserted_text_is()
    {
        // As Word saves a tracked edit: the deletion is character formatting, \deleted, with its
        // author and time; \deleted0 or \plain ends it.
        Assert.Equal(
            ["The council voted to build a second bridge.", "Work starts in May."],
            Paragraphs(@"The council voted {\deleted\revauthdel1\revdttmdel1 to reject and }{\revised\revauth1 to build }a second bridge.\par "
                + @"Work starts {\deleted in March}{\deleted\plain in May}.\par "));
    }

    [Fact]
    public void Typographic_control_words_and_symbols_are_their_characters()
    {
        Assert.Equal(
            ["A B — C–D ‘q’ “dq” • coop non-stop {x} a\\b a b c"],
            Paragraphs(@"A\~B \emdash  C\endash D \lquote q\rquote  \ldblquote dq\rdblquote  \bullet  co\-op non\_stop \{x\} a\\b a\tab b\line c\par"));
    }

    [Fact]
    public void Table_cells_are_paragraphs_of_their_own()
    {
        // The first paragraph, short, is the title.
        Assert.Equal(
            ["Cost", "45 million euros", "Duration", "three years", "After the table."],
            Paragraphs(@"\pard Bridge figures\par \trowd\cellx1000\cellx2000 \pard\intbl Cost\cell 45 million euros\cell\row \trowd\cellx1000\cellx2000 \pard\intbl Duration\cell {three years}\cell\row \pard After the table.\par"));
    }

    [Fact]
    public void Ignorable_groups_skip_whatever_they_hold_and_the_unicode_half_of_upr_is_read()
    {
        Assert.Equal(
            ["Before after.", "Caf\u00E9 opens."],
            Paragraphs(@"Before {\*\unknownword {nested {deeper} text} more}after.\par {\upr{Cafe opens.}{\*\ud{Caf\u233? opens.}}}\par"));
    }

    [Fact]
    public void A_file_cut_short_or_with_unbalanced_braces_reads_what_it_has()
    {
        byte[] whole = File.ReadAllBytes(Path.Combine(Fixtures, "kaczynski.rtf"));
        Article cut = Read("cut.rtf", whole[..(whole.Length / 2)]);
        Assert.Equal("Polish leader Jaroslaw Kaczynski promises stricter punishments for child abusers", cut.Title);
        Assert.StartsWith("On Sunday, Polish leader", cut.Body);
        Assert.DoesNotContain("Pope Francis", cut.Body);
        Article open = Read("open.rtf", @"{\rtf1 {\b Bold {\i text\par Next\par");
        Assert.Equal(("Bold text", "Next"), (open.Title, open.Body));
        // The document's closing brace ends it, as in Word: what a stray one leaves after it is not read.
        Assert.Equal("First paragraph here.", Read("stray.rtf", @"{\rtf1 First paragraph here.\par}} Second\par}").Body);
    }

    [Fact]
    public void Deep_nesting_and_binary_data_past_the_end_do_not_break_the_reader()
    {
        string deep = @"{\rtf1 Start of the text.\par " + new string('{', 100_000) + "deep" + new string('}', 100_000) + @"End of the text.\par}";
        Assert.Equal(["Start of the text.", "End of the text."], Read("deep.rtf", deep).Body.Split("\n\n").Where(p => p != "deep"));
        Assert.Equal("Text before the picture.", Read("bin.rtf", @"{\rtf1 Text before the picture.\par{\pict\bin999999999 abc").Body);
        Assert.Equal("Text and more.", Read("neg.rtf", @"{\rtf1 Text {\pict\bin-5 }and more.\par}").Body);
        // A character number past Unicode's is no character; its fallback is skipped all the same.
        Assert.Equal("Big number.", Read("big.rtf", @"{\rtf1 Big\u2147483647? number.\par}").Body);
    }

    [Fact]
    public void A_file_that_is_not_rtf_or_has_no_text_is_skipped_with_the_reason()
    {
        Assert.Equal(@"not RTF (it does not start with {\rtf)", Skipped("a.rtf", "Hello, this is plain text."u8.ToArray()).Reason);
        Assert.Equal("no text in the document", Skipped("b.rtf", @"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\info{\title Empty}}{\*\generator Word;}\pard\par}"u8.ToArray()).Reason);
        Assert.StartsWith("not valid gzip", Skipped("c.rtf.gz", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF]).Reason);
    }

    [Fact]
    public void A_gzipped_document_reads_as_the_document()
    {
        byte[] rtf = File.ReadAllBytes(Path.Combine(Fixtures, "seoul.rtf"));
        var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(rtf);
        Assert.Equal(Read("seoul.rtf", rtf).Body, Read("seoul.rtf.gz", gz.ToArray()).Body);
    }

    [Theory]
    [InlineData("press/release.rtf", @"{\rtf1\ansi x}", "rtf")]
    [InlineData("press/release.RTF", @"{\rtf1\ansi x}", "rtf")]
    [InlineData("press/release.rtf.gz", "\u001F\u008B", "rtf")]
    [InlineData("press/saved-as-rtf.doc", "\uFEFF{\\rtf1\\ansi x}", "rtf")]
    [InlineData("press/old-word.doc", "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1", "doc")]
    [InlineData("index/_0_Lucene41_0.doc", "?\u00D7l\u0017", null)]
    public void RTF_is_told_by_its_extension_and_a_doc_by_its_first_bytes(string path, string head, string? format)
    {
        byte[] bytes = head.StartsWith('\uFEFF') ? Encoding.UTF8.GetPreamble().Concat(Encoding.ASCII.GetBytes(head[1..])).ToArray() : Encoding.Latin1.GetBytes(head);
        ReaderResolution resolution = ReaderRegistry.Default.Resolve(path, bytes);
        Assert.Equal(format == null ? FileDisposition.Ignored : FileDisposition.Read, resolution.Disposition);
        Assert.Equal(format, resolution.Reader?.Format);
    }

    /// <summary>A 5 MB press release of pictures in hex and binary around its paragraphs: the
    /// pictures are stepped over, not read into strings.</summary>
    [Fact]
    public void Pictures_in_a_big_document_are_stepped_over_quickly()
    {
        var rtf = new StringBuilder(@"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\pard Harbour photos\par");
        string hex = string.Concat(Enumerable.Repeat("89504e470d0a1a0a0000000d4948445200000a", 64 * 1024 / 38 + 1));
        for (int i = 0; i < 40; i++)
        {
            rtf.Append(@"\pard Photo ").Append(i).Append(@" shows the quay wall.\par");
            rtf.Append(@"{\*\shppict{\pict\pngblip\picw100\pich100 ").Append(hex).Append(hex).Append("}}");
            rtf.Append(@"{\nonshppict{\pict\wmetafile8\bin20 ").Append('}', 10).Append('{', 10).Append("}}");
        }
        rtf.Append('}');
        byte[] bytes = Encoding.ASCII.GetBytes(rtf.ToString());
        Assert.True(bytes.Length > 5_000_000);
        var clock = Stopwatch.StartNew();
        Article article = Read("photos.rtf", bytes);
        clock.Stop();
        output.WriteLine($"{bytes.Length / 1e6:F1} MB read in {clock.ElapsedMilliseconds} ms");
        Assert.Equal("Harbour photos", article.Title);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"Photo {i} shows the quay wall."), article.Body.Split("\n\n"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
