using System.Globalization;

namespace AlbBuilder.Benchmarks;

/// <summary>
/// Command-line options: <c>--repetitions 5 --scale 0.02 --instances 2 --counts 2,10,50 --poll-ms 100</c>, or
/// <c>--classroom --labs 1,10,30 --repetitions 3</c> (with <c>--scale</c>, <c>--max-concurrency</c>).
/// </summary>
internal sealed record BenchmarkOptions
{
    public int Repetitions { get; init; } = 5;

    /// <summary>LatencyProfile.Realistic(scale): 0.02 runs AWS's minutes as seconds (120 s provisioning → 2.4 s).</summary>
    public double Scale { get; init; } = 0.02;

    /// <summary>Instances in the timed runs.</summary>
    public int Instances { get; init; } = 2;

    /// <summary>Instance counts for the API-call census.</summary>
    public IReadOnlyList<int> Counts { get; init; } = [2, 10, 50];

    /// <summary>Overrides the lab's poll interval; null keeps what <c>WithLocalCloud</c> derives from the scale.</summary>
    public TimeSpan? Poll { get; init; }

    public bool SkipSequential { get; init; }

    /// <summary>Print every lab event of every run to stderr, stamped with the run's stopwatch.</summary>
    public bool Trace { get; init; }

    /// <summary>Issue 15: run the classroom benchmark (K labs at once, throttling on) instead of the single-lab one.</summary>
    public bool Classroom { get; init; }

    /// <summary>Class sizes for <c>--classroom</c>: K labs of 2 instances each.</summary>
    public IReadOnlyList<int> Labs { get; init; } = [1, 10, 30];

    /// <summary>Overrides the classroom's <c>WithMaxConcurrency</c>; null keeps the library's default.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>
    /// Gives the classroom clients in the SDK's Adaptive retry mode (what it creates itself from a region) instead of
    /// LocalCloud's own clients (Standard mode), which <c>WithLocalCloud</c> hands over.
    /// </summary>
    public bool AdaptiveClients { get; init; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--repetitions":
                    options = options with { Repetitions = Positive(Require(args[i], value)) };
                    i++;
                    break;
                case "--scale":
                    options = options with { Scale = double.Parse(Require(args[i], value), CultureInfo.InvariantCulture) };
                    i++;
                    break;
                case "--instances":
                    options = options with { Instances = Positive(Require(args[i], value)) };
                    i++;
                    break;
                case "--counts":
                    options = options with { Counts = [.. Require(args[i], value).Split(',').Select(Positive)] };
                    i++;
                    break;
                case "--poll-ms":
                    options = options with { Poll = TimeSpan.FromMilliseconds(Positive(Require(args[i], value))) };
                    i++;
                    break;
                case "--skip-sequential":
                    options = options with { SkipSequential = true };
                    break;
                case "--trace":
                    options = options with { Trace = true };
                    break;
                case "--classroom":
                    options = options with { Classroom = true };
                    break;
                case "--labs":
                    options = options with { Labs = [.. Require(args[i], value).Split(',').Select(Positive)] };
                    i++;
                    break;
                case "--adaptive-clients":
                    options = options with { AdaptiveClients = true };
                    break;
                case "--max-concurrency":
                    options = options with { MaxConcurrency = Positive(Require(args[i], value)) };
                    i++;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --repetitions N, --scale X, --instances N, --counts a,b,c, --poll-ms N, --skip-sequential, --trace; --classroom [--labs a,b,c] [--max-concurrency N] [--adaptive-clients].");
            }
        }

        if (options.Scale is <= 0 or > 1)
        {
            throw new ArgumentException("--scale must be in (0, 1].");
        }

        return options;
    }

    private static string Require(string option, string? value) =>
        value ?? throw new ArgumentException($"{option} needs a value.");

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"Expected a positive integer, got '{text}'.");
}
