using Search.Core.Enrich.Languages;
using Search.Tests.Support;
using Xunit;

namespace Search.Core.Tests.Enrich.Languages;

/// <summary>The quick way to Lingua's verdict names what Lingua's own code names.</summary>
public sealed class TrigramVerdictTests
{
    private static readonly LanguageDetector Detector = new();

    [Fact]
    public void This_lingua_holds_what_the_quick_way_reads()
    {
        // A Lingua upgrade that renamed its rule table or moved its models would quietly send every
        // non-English article back through Lingua's own, ten times slower, code.
        Assert.NotNull(TrigramVerdict.Default);
    }

    [Theory]
    [InlineData("Die Bundesregierung hat am Mittwoch beschlossen, die Hilfen für Unternehmen in der Krise bis zum Jahresende zu verlängern. Der Finanzminister sprach von einer schwierigen Entscheidung.", "de")]
    [InlineData("Le gouvernement a annoncé mercredi une prolongation des aides aux entreprises jusqu'à la fin de l'année, une décision difficile selon le ministre des Finances.", "fr")]
    [InlineData("Правительство в среду объявило о продлении помощи предприятиям до конца года; министр финансов назвал это решение трудным. Об этом сообщает Reuters.", "ru")]
    [InlineData("Rząd ogłosił w środę przedłużenie pomocy dla przedsiębiorstw do końca roku, co minister finansów nazwał trudną decyzją.", "pl")]
    [InlineData("El gobierno anunció el miércoles que prorrogará las ayudas a las empresas hasta final de año, una decisión difícil según el ministro de Hacienda.", "es")]
    [InlineData("Hükümet çarşamba günü işletmelere yönelik yardımların yıl sonuna kadar uzatıldığını açıkladı.", "tr")]
    public void News_sentences_get_the_verdict_of_linguas_own_code(string text, string language)
    {
        Assert.NotNull(TrigramVerdict.Default!.Detect(text));
        Assert.Equal(language, Detector.ByLinguaItself(text));
        Assert.Equal(Detector.ByLinguaItself(text), Detector.ByLingua(text));
    }

    [Theory]
    [InlineData("Ελληνικά νέα από την Αθήνα σήμερα το πρωί για την οικονομία")] // another script: its rules decide
    [InlineData("Łódź śmieszną źrebię żółć łąkę ślęża źdźbło")] // most words hold a letter only Polish writes
    public void Text_where_linguas_rules_may_decide_is_left_to_lingua(string text) =>
        Assert.Null(TrigramVerdict.Default!.Detect(text));

    [SharedFact]
    public void German_and_russian_news_get_the_verdict_of_linguas_own_code()
    {
        string csv = Path.Combine(Support.MultilingualIndex.German, "test.csv");
        var texts = File.ReadLines(csv).Take(120).Select(l => l[(l.IndexOf(';') + 1)..])
            .Concat(Directory.EnumerateFiles(Support.MultilingualIndex.Russian, "book_*.txt", SearchOption.AllDirectories).Take(100).Select(File.ReadAllText))
            .Select(text => LanguageDetector.Sample("", text)).ToList();
        Assert.Equal(220, texts.Count);
        Assert.All(texts, sample =>
        {
            Assert.NotNull(TrigramVerdict.Default!.Detect(sample));
            Assert.Equal(Detector.ByLinguaItself(sample), Detector.ByLingua(sample));
        });
    }
}
