using System.Text;
using Search.Core.Ingest;
using Search.Core.Ingest.Html;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Ingest;

/// <summary>Texts that are not UTF-8 and say nothing of their encoding: read in the encoding of
/// their script, and Western text with a few accented letters or curly quotes still as Windows-1252.</summary>
public sealed class LegacyEncodingTests
{
    private const string Russian = "Правительство объявило о новых мерах поддержки экономики. Министр финансов сообщил, что средства будут выделены уже в этом году, а малый бизнес получит налоговые льготы.";
    private const string Japanese = "東京都は新しい経済対策を発表しました。政府は中小企業への支援を強化する方針で、来年度の予算案に盛り込む予定です。専門家は景気の回復には時間がかかると指摘しています。";
    private const string Chinese = "北京市政府今天宣布了新的经济刺激计划。官员表示，政府将加大对中小企业的支持力度，并在明年的预算中增加相关资金。专家认为经济复苏仍需时间。";
    private const string Korean = "서울시는 오늘 새로운 경제 대책을 발표했다. 정부는 중소기업에 대한 지원을 강화할 방침이며 내년 예산안에 반영할 예정이다.";
    private const string Greek = "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα στήριξης της οικονομίας. Οι ειδικοί εκτιμούν ότι η ανάκαμψη θα χρειαστεί χρόνο.";
    // Western text whose few non-ASCII characters (curly quotes, a dash, a pound sign, umlauts) the
    // detector on its own takes for Chinese or Central European code pages.
    private const string English = "The minister\u2019s plan \u2013 worth \u00a3200m \u2013 was \u201cwelcomed\u201d by business groups, who said it would help firms hire again after a difficult year for the high street.";
    private const string German = "Die Bundesregierung hat am Mittwoch ein neues Maßnahmenpaket für die Wirtschaft beschlossen. Kleine Unternehmen sollen schneller Zuschüsse erhalten, teilte das Ministerium mit.";

    private static string RoundTrip(string text, string encoding)
    {
        byte[] bytes = CodePagesEncodingProvider.Instance.GetEncoding(encoding)!.GetBytes(text);
        var sniff = TextDecoding.Sniff(bytes);
        return sniff.Encoding.GetString(bytes);
    }

    [Theory]
    [InlineData(Russian, "windows-1251")]
    [InlineData(Russian, "koi8-r")]
    [InlineData(Japanese, "shift_jis")]
    [InlineData(Japanese, "euc-jp")]
    [InlineData(Chinese, "gb18030")]
    [InlineData(Korean, "euc-kr")]
    [InlineData(English, "windows-1252")]
    [InlineData(German, "windows-1252")]
    public void A_text_in_its_scripts_legacy_encoding_reads_as_written(string text, string encoding)
    {
        Assert.Equal(text, RoundTrip(text, encoding));
    }

    [Fact]
    public void Greek_reads_as_written_in_either_of_its_code_pages()
    {
        Assert.Equal(Greek, RoundTrip(Greek, "iso-8859-7"));
        Assert.Equal(Greek, RoundTrip(Greek, "windows-1253")); // its lower-case accented letters are the same in both
    }

    [Fact]
    public void A_page_that_declares_no_charset_is_read_by_its_text_not_its_markup_and_scripts()
    {
        string script = string.Concat(Enumerable.Repeat("window.dataLayer = window.dataLayer || []; function track(event) { dataLayer.push(event); }\n", 40));
        string page = $"<html><head><title>Новые меры</title><script>{script}</script><style>body {{ font-family: Arial, sans-serif; }}</style></head>"
            + $"<body><nav><a href=\"/news\">Новости</a></nav><article><h1>Новые меры</h1><p>{Russian}</p><p>{Russian}</p></article></body></html>";
        byte[] bytes = CodePagesEncodingProvider.Instance.GetEncoding("windows-1251")!.GetBytes(page);
        Assert.Contains(Russian, HtmlCharset.Decode(bytes, out var encoding));
        Assert.Equal(1251, encoding.CodePage);
    }

    /// <summary>The Russian articles of FactRuEval saved as Windows-1251 and as KOI8-R, and BBC
    /// articles saved as Windows-1252 with curly quotes, dashes and pound signs: every one read
    /// as written.</summary>
    [SharedFact]
    public void Real_articles_in_legacy_encodings_read_as_written()
    {
        var russian = Directory.EnumerateFiles(SharedCorpus.Path("corpora", "multilingual", "ru-factrueval"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(60).Select(File.ReadAllText).ToList();
        var english = Directory.EnumerateFiles(SharedCorpus.Path("corpora", "bbc"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(200).Select(f => File.ReadAllText(f).Replace("'", "\u2019").Replace(" - ", " \u2013 ").Replace("$", "\u00a3"))
            .Where(t => t.Any(c => c > 0x7F)).ToList();
        Assert.True(russian.Count >= 40 && english.Count >= 100, $"{russian.Count} Russian, {english.Count} English articles");
        var wrong = new List<string>();
        foreach (var (texts, encoding) in new[] { (russian, "windows-1251"), (russian, "koi8-r"), (english, "windows-1252") })
        {
            var code = CodePagesEncodingProvider.Instance.GetEncoding(encoding)!;
            foreach (string text in texts.Where(t => code.GetString(code.GetBytes(t)) == t)) // only what the code page can hold
                if (RoundTrip(text, encoding) != text)
                    wrong.Add($"{encoding}: {text[..Math.Min(60, text.Length)]}");
        }
        Assert.Empty(wrong);
    }
}
