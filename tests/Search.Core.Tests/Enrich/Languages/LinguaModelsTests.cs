using Lingua;
using Search.Core.Enrich.Languages;
using Xunit;

namespace Search.Core.Tests.Enrich.Languages;

public sealed class LinguaModelsTests
{
    private const string German = "Der Bundestag hat am Donnerstag ein neues Gesetz zur Energiepolitik beschlossen, das die Preise senken soll.";
    private const string French = "Le gouvernement a présenté mercredi un nouveau projet de loi sur les retraites et le travail des jeunes.";

    private static Lingua.LanguageDetector Small() =>
        LanguageDetectorBuilder.FromLanguages(Language.English, Language.German, Language.French, Language.Dutch).WithLowAccuracyMode().Build();

    [Fact]
    public void A_rare_use_unloads_the_models_and_the_verdicts_stay_the_same()
    {
        long detections = 0;
        var models = new LinguaModels(Small(), () => detections);
        var reference = Small();

        detections = 10;
        Assert.Equal(reference.DetectLanguageOf(German), models.Detect(German));
        Assert.Equal(1, models.Unloads); // the first use ever is a rare one

        detections += LinguaModels.RareGap + 1;
        Assert.Equal(reference.DetectLanguageOf(French), models.Detect(French));
        Assert.Equal(2, models.Unloads);
        detections++;
        Assert.Equal(reference.DetectLanguageOf(German), models.Detect(German)); // read again, and kept
        Assert.Equal(2, models.Unloads);
    }

    [Fact]
    public void Uses_closer_than_the_gap_keep_the_models()
    {
        long detections = 0;
        var models = new LinguaModels(Small(), () => detections);
        models.Detect(German);
        Assert.Equal(1, models.Unloads);
        for (int i = 0; i < 5; i++)
        {
            detections += LinguaModels.RareGap / 2;
            Assert.Equal(Language.German, models.Detect(German));
        }
        Assert.Equal(1, models.Unloads);
    }

    [Fact]
    public void Threads_detecting_while_the_models_unload_get_the_same_verdicts()
    {
        long detections = 0;
        var models = new LinguaModels(Small(), () => Interlocked.Read(ref detections));
        var reference = Small();
        var expected = new[] { reference.DetectLanguageOf(German), reference.DetectLanguageOf(French) };
        var verdicts = new System.Collections.Concurrent.ConcurrentBag<(int, Language)>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            // Every 50th call comes after a long stretch: an unload while others detect.
            Interlocked.Add(ref detections, i % 50 == 0 ? LinguaModels.RareGap + 1 : 1);
            verdicts.Add((i % 2, models.Detect(i % 2 == 0 ? German : French)));
        });
        Assert.True(models.Unloads >= 2);
        Assert.All(verdicts, v => Assert.Equal(expected[v.Item1], v.Item2));
    }
}
