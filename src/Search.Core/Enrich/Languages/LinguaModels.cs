namespace Search.Core.Enrich.Languages;

/// <summary>
/// Lingua's detector with its n-gram models kept in memory only while they are used often.
/// The models load on the first text that needs them: for a Latin-script text every Latin
/// language's, some 55 MB that Lingua keeps for the process, after allocating about 250 MB to read
/// them (0.9 s of CPU). An archive of mostly English text needs them for very few articles (one in
/// the 100,000 of the generated news corpus, none in its first 20,000), yet held them through the
/// rest of the build beside the writer's buffer: they and the collector's slack around them were
/// most of why a 200,000-article build peaked at 1.4-1.5 times a 20,000-article one
/// (docs/performance.md, issue 18 eighth stop). So a text that needs them after a long stretch
/// without (the first ever, or more than <see cref="RareGap"/> detections after the last) has the
/// models unloaded right after it, and a full collection hands their memory back; a text that
/// needs them sooner after the last loads them again and they stay. The verdicts are the same
/// either way (the same models, read again). What it costs: an archive of another language loads
/// the models twice instead of once (0.9 s more, once per run); one whose texts needing them come
/// just over <see cref="RareGap"/> apart loads them once per that many articles, about 3 % of
/// their indexing at the most.
/// </summary>
internal sealed class LinguaModels
{
    /// <summary>Detections between two uses of the models beyond which the use counts as rare.</summary>
    public const long RareGap = 50_000;

    private readonly Lingua.LanguageDetector _lingua;
    private readonly object _gate = new();
    private int _detecting;
    private bool _unloading;
    private readonly Func<long> _detections;
    private long _lastUse = long.MinValue / 2;

    /// <param name="detections">How many texts the owner has been asked about so far.</param>
    public LinguaModels(Lingua.LanguageDetector lingua, Func<long> detections)
    {
        _lingua = lingua;
        _detections = detections;
    }

    /// <summary>Times the models were unloaded (tests).</summary>
    public int Unloads { get; private set; }

    /// <summary>Lingua's verdict on <paramref name="sample"/>.</summary>
    public Lingua.Language Detect(string sample)
    {
        Lingua.Language language;
        lock (_gate)
        {
            while (_unloading)
                Monitor.Wait(_gate);
            _detecting++;
        }
        try
        {
            language = _lingua.DetectLanguageOf(sample);
        }
        finally
        {
            lock (_gate)
            {
                if (--_detecting == 0)
                    Monitor.PulseAll(_gate);
            }
        }
        long now = _detections();
        long last = Interlocked.Exchange(ref _lastUse, now);
        if (now - last > RareGap)
            Unload();
        return language;
    }

    private void Unload()
    {
        // Never under a detection in flight on another thread (Lingua's model cache is not
        // documented as safe to clear meanwhile); detections wait for the unloading.
        lock (_gate)
        {
            if (_unloading)
                return;
            _unloading = true;
            while (_detecting > 0)
                Monitor.Wait(_gate);
        }
        try
        {
            _lingua.UnloadLanguageModels();
            Unloads++;
        }
        finally
        {
            lock (_gate)
            {
                _unloading = false;
                Monitor.PulseAll(_gate);
            }
        }
        // The models and what reading them left behind are in the oldest generation by now.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
