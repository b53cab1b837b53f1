using Search.Core.Enrich.Languages;
using Xunit;

namespace Search.Core.Tests.Enrich.Languages;

public sealed class LanguageCodesTests
{
    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("de_AT", "de")]
    [InlineData("zh-Hans-CN", "zh")]
    [InlineData("DEU", "de")]
    [InlineData("ger", "de")]
    [InlineData("Deutsch", "de")]
    [InlineData("русский", "ru")]
    [InlineData("fr", "fr")]
    [InlineData("und", "und")]
    [InlineData("xx", "und")]
    [InlineData("klingon", "und")]
    [InlineData("English (UK)", "en")] // a CMS's language menu; before, und, overruling detection
    [InlineData("German (Germany)", "de")]
    [InlineData("Español (España)", "es")]
    [InlineData("English/German", "und")] // two languages: not one of them
    public void A_declared_language_becomes_its_two_letter_code(string declared, string code) =>
        Assert.Equal(code, LanguageCodes.Normalize(declared));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Nothing_declared_is_null_so_detection_decides(string? declared) =>
        Assert.Null(LanguageCodes.Normalize(declared));
}
