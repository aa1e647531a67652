using System.Globalization;

namespace AlbBuilder.Benchmarks;

/// <summary>
/// Issue 7: time-to-serving against the critical path, the sequential baseline, and API calls against N.
/// Prints figures (Markdown) — not a test; run it in Release:
/// <c>dotnet run -c Release --project benchmarks/AlbBuilder.Benchmarks -- --repetitions 5</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Figures are written with '.' decimals whatever the machine's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var ct = cancel.Token;
        if (options.Classroom)
        {
            // Issue 15: a separate mode; the single-lab benchmark below is unchanged.
            Console.WriteLine(await new Classroom.ClassroomBenchmark(options, Progress).RunAsync(ct));
            return 0;
        }

        var runner = new LabRunner(options);
        var roundTrip = await LabRunner.MeasureRoundTripAsync(ct);
        var path = new CriticalPath(runner.Profile, roundTrip);
        Progress($"profile {runner.Profile}, API round trip {roundTrip.TotalMilliseconds:0.00} ms; warm-up run");
        await runner.RunAsync(RunMode.Overlapped, options.Instances, ct);

        var overlapped = new List<LabRunResult>();
        var sequential = new List<LabRunResult>();
        for (var i = 1; i <= options.Repetitions; i++)
        {
            var run = await runner.RunAsync(RunMode.Overlapped, options.Instances, ct);
            overlapped.Add(run);
            Progress($"rep {i}: overlapped serving {run.Serving.TotalSeconds:0.000} s, teardown {run.Teardown.TotalSeconds:0.000} s");
            if (!options.SkipSequential)
            {
                var baseline = await runner.RunAsync(RunMode.Sequential, options.Instances, ct);
                sequential.Add(baseline);
                Progress($"rep {i}: sequential serving {baseline.Serving.TotalSeconds:0.000} s, teardown {baseline.Teardown.TotalSeconds:0.000} s");
            }
        }

        var census = new List<LabRunResult>();
        foreach (var n in options.Counts)
        {
            var run = await runner.RunAsync(RunMode.Overlapped, n, ct);
            census.Add(run);
            Progress($"N={n}: start {run.StartCalls.Other} calls + {run.StartCalls.WaiterPolls} polls, destroy {run.DestroyCalls.Other} + {run.DestroyCalls.WaiterPolls}");
        }

        var report = new ReportWriter(options, path, Environment.GetCommandLineArgs());
        Console.WriteLine(report.Write(overlapped, sequential, census));
        return 0;
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
}
