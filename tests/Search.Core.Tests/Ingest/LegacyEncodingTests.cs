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

    // Central European news, which Windows-1250 and ISO-8859-2 hold and Windows-1252 misreads
    // (pøes, ³, ¹): each a language's own letters.
    private const string Polish = "Rząd ogłosił w środę nowy pakiet pomocy dla małych firm. Minister finansów zapowiedział, że pieniądze trafią do przedsiębiorców jeszcze w tym roku.";
    private const string Czech = "Vláda ve středu schválila nový balíček pomoci pro malé podniky. Ministr financí řekl, že peníze dostanou podnikatelé ještě letos, přestože rozpočet je napjatý.";
    private const string Slovak = "Vláda v stredu schválila nový balík pomoci pre malé podniky. Podľa ministra financií dostanú podnikatelia peniaze ešte tento rok, hoci je rozpočet napätý.";
    private const string Hungarian = "A kormány szerdán új gazdaságélénkítő csomagot fogadott el. A pénzügyminiszter szerint a kisvállalkozások még idén megkapják a támogatást, bár a költségvetés feszített.";
    private const string Croatian = "Vlada je u srijedu usvojila novi paket pomoći za mala poduzeća. Ministar financija rekao je da će poduzetnici novac dobiti još ove godine, iako je državni proračun napet i uštede su nužne.";
    private const string Romanian = "Guvernul a aprobat miercuri un nou pachet de măsuri pentru firmele mici şi mijlocii. Ministrul finanţelor a declarat că antreprenorii vor primi banii în următoarele luni, deşi bugetul este tensionat.";
    // Western news with the marks the Central European pages read as letters (ISO-8859-2 reads
    // « » as Ť ť, è as č, à as ŕ).
    private const string French = "Le gouvernement a présenté mercredi un « plan de relance » très attendu. Selon le ministre, les entreprises recevront l’aide dès cette année, à condition de maintenir l’emploi.";
    private const string Italian = "Il governo ha approvato mercoledì un nuovo pacchetto di aiuti per le piccole imprese. Secondo il ministro, più di metà dei fondi arriverà già quest’anno, perché la crisi è grave.";
    private const string Spanish = "El Gobierno aprobó el miércoles un nuevo paquete de ayudas para las pequeñas empresas. ¿Llegará a tiempo? El ministro aseguró que el dinero llegará este año.";

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

    [Theory]
    [InlineData(Polish)]
    [InlineData(Czech)]
    [InlineData(Slovak)]
    [InlineData(Hungarian)]
    [InlineData(Croatian)]
    [InlineData(Romanian)]
    public void Central_European_text_reads_as_written_in_either_of_its_code_pages(string text)
    {
        Assert.Equal(text, RoundTrip(text, "windows-1250"));
        Assert.Equal(text, RoundTrip(text, "iso-8859-2"));
    }

    [Theory]
    [InlineData(French)]
    [InlineData(Italian)]
    [InlineData(Spanish)]
    [InlineData(German)]
    public void Western_text_stays_Windows_1252_though_the_Central_European_pages_read_its_bytes_as_letters(string text)
    {
        Assert.Equal(text, RoundTrip(text, "windows-1252"));
    }

    [Fact]
    public void An_undeclared_Central_European_page_is_read_in_its_code_page()
    {
        string page = $"<html><head><title>Nowy pakiet</title><style>p {{ margin: 0; }}</style></head><body><h1>Nowy pakiet</h1><p>{Polish}</p></body></html>";
        byte[] bytes = CodePagesEncodingProvider.Instance.GetEncoding("windows-1250")!.GetBytes(page);
        Assert.Contains(Polish, HtmlCharset.Decode(bytes, out var encoding));
        Assert.Equal(1250, encoding.CodePage);
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

    /// <summary>The Russian articles of FactRuEval saved as Windows-1251 and as KOI8-R, BBC
    /// articles saved as Windows-1252 with curly quotes, dashes and pound signs, and German
    /// articles of 10kGNAD saved as Windows-1252 (whose umlauts and ß the Central European code
    /// pages also hold): every one read as written.</summary>
    [SharedFact]
    public void Real_articles_in_legacy_encodings_read_as_written()
    {
        var russian = Directory.EnumerateFiles(SharedCorpus.Path("corpora", "multilingual", "ru-factrueval"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(60).Select(File.ReadAllText).ToList();
        var english = Directory.EnumerateFiles(SharedCorpus.Path("corpora", "bbc"), "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(200).Select(f => File.ReadAllText(f).Replace("'", "\u2019").Replace(" - ", " \u2013 ").Replace("$", "\u00a3"))
            .Where(t => t.Any(c => c > 0x7F)).ToList();
        var german = File.ReadLines(SharedCorpus.Path("corpora", "multilingual", "de-10kgnad", "test.csv"))
            .Take(300).Select(line => line[(line.IndexOf(';') + 1)..].Trim('\'')).Where(t => t.Any(c => c > 0x7F)).ToList();
        Assert.True(russian.Count >= 40 && english.Count >= 100 && german.Count >= 200, $"{russian.Count} Russian, {english.Count} English, {german.Count} German articles");
        var wrong = new List<string>();
        foreach (var (texts, encoding) in new[] { (russian, "windows-1251"), (russian, "koi8-r"), (english, "windows-1252"), (german, "windows-1252") })
        {
            var code = CodePagesEncodingProvider.Instance.GetEncoding(encoding)!;
            foreach (string text in texts.Where(t => code.GetString(code.GetBytes(t)) == t)) // only what the code page can hold
                if (RoundTrip(text, encoding) != text)
                    wrong.Add($"{encoding}: {text[..Math.Min(60, text.Length)]}");
        }
        Assert.Empty(wrong);
    }
}
