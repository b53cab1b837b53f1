namespace Search.Benchmarks.Speed;

/// <summary>Everything one `speed` run measured, for <see cref="Report"/>.</summary>
public sealed class SpeedRun
{
    public required string Command { get; init; }
    public required DateTime Date { get; init; }
    public required string Commit { get; init; }
    public required MachineInfo Machine { get; init; }
    public bool Quick { get; init; }
    public List<(Corpus Corpus, CorpusStats Stats)> Corpora { get; } = new();
    public List<IndexRun> Indexing { get; } = new();
    public Corpus? QueryCorpus { get; set; }
    public List<QueryTiming> Queries { get; } = new();
    public List<StartupTiming> Startup { get; } = new();
    public List<(Corpus Corpus, ProfileResult Profile)> Profiles { get; } = new();
}
