using Search.Benchmarks.Relevance;

namespace Search.Benchmarks;

/// <summary>Dispatches on the first argument to one benchmark tool.</summary>
public static class Program
{
    private static readonly Dictionary<string, (string Usage, Func<string[], int> Run)> Commands = new(StringComparer.Ordinal)
    {
        [RelevanceDataCommand.Name] = (RelevanceDataCommand.Usage, RelevanceDataCommand.Run),
        [RelevanceCommand.Name] = (RelevanceCommand.Usage, RelevanceCommand.Run),
        [Speed.SpeedCommand.Name] = (Speed.SpeedCommand.Usage, Speed.SpeedCommand.Run),
        [Spelling.SpellingCommand.Name] = (Spelling.SpellingCommand.Usage, Spelling.SpellingCommand.Run),
        [Extraction.ExtractionCommand.Name] = (Extraction.ExtractionCommand.Usage, Extraction.ExtractionCommand.Run),
        [Speed.RankingSpeedCommand.Name] = (Speed.RankingSpeedCommand.Usage, Speed.RankingSpeedCommand.Run),
        [Duplicates.DuplicatesBenchCommand.Name] = (Duplicates.DuplicatesBenchCommand.Usage, Duplicates.DuplicatesBenchCommand.Run),
        [Duplicates.PlacesBenchCommand.Name] = (Duplicates.PlacesBenchCommand.Usage, Duplicates.PlacesBenchCommand.Run),
        [Duplicates.RelatedBenchCommand.Name] = (Duplicates.RelatedBenchCommand.Usage, Duplicates.RelatedBenchCommand.Run),
        [Languages.LanguagesBenchCommand.Name] = (Languages.LanguagesBenchCommand.Usage, Languages.LanguagesBenchCommand.Run),
        [Languages.LanguagesCostCommand.Name] = (Languages.LanguagesCostCommand.Usage, Languages.LanguagesCostCommand.Run),
        [Languages.LanguagesWholeIndexCommand.Name] = (Languages.LanguagesWholeIndexCommand.Usage, Languages.LanguagesWholeIndexCommand.Run),
        [Languages.LanguageStemmersCommand.Name] = (Languages.LanguageStemmersCommand.Usage, Languages.LanguageStemmersCommand.Run),
        [Web.WebLoadCommand.Name] = (Web.WebLoadCommand.Usage, Web.WebLoadCommand.Run),
    };

    public static int Main(string[] args)
    {
        // Tools that open our indexes with Lucene alone (sizes, merge-cost) need our codec known.
        Search.Core.Indexing.Storage.CodecRegistration.Register();
        if (args.Length == 0 || !Commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine("usage: Search.Benchmarks <command> [options]\ncommands:");
            foreach (var c in Commands.Values) Console.Error.WriteLine("  " + c.Usage);
            return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
        }
        return command.Run(args[1..]);
    }
}
