namespace AlbBuilder.Tests.Traffic;

public sealed class TrafficReportTests
{
    private static readonly Uri _url = new("http://lab.example/");
    private static readonly DateTimeOffset _t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TrafficSample Ok(string? backend, int ms = 1) => new(_t0, TimeSpan.FromMilliseconds(ms), 200, backend, null);

    private static TrafficSample Fail(string reason, int? status = null) => new(_t0, TimeSpan.FromMilliseconds(1), status, null, reason);

    private static IEnumerable<TrafficSample> Served(string backend, int count) => Enumerable.Range(0, count).Select(_ => Ok(backend));

    [Fact]
    public void Constructor_MixedSamples_CountsAndGroupsFailures()
    {
        var samples = Served("b", 3).Concat(Served("a", 2)).Append(Ok(null))
            .Append(Fail("502", 502)).Append(Fail("Timeout")).Append(Fail("502", 502));

        var report = new TrafficReport(_url, samples);

        Assert.Equal(9, report.Total);
        Assert.Equal(6, report.Succeeded);
        Assert.Equal(3, report.Failed);
        Assert.False(report.AllSucceeded);
        Assert.Equal(1, report.UnknownBackend);
        Assert.Equal([new BackendCount("a", 2), new BackendCount("b", 3)], report.Backends);
        Assert.Equal(2, report.DistinctBackends);
        Assert.Equal([new TrafficFailure("502", 2), new TrafficFailure("Timeout", 1)], report.Failures);
        Assert.Equal(3, report.CountFor("B"));
        Assert.Equal(0, report.CountFor("c"));
    }

    [Theory]
    [InlineData(10, 6, true)] // exactly fair share (8) + 25 %
    [InlineData(6, 10, true)] // exactly fair share − 25 %
    [InlineData(11, 5, false)] // one past the tolerance
    [InlineData(8, 8, true)]
    public void IsBalanced_TwoBackendsAroundTolerance_JudgedInclusively(int a, int b, bool balanced)
    {
        var report = new TrafficReport(_url, Served("a", a).Concat(Served("b", b)), balanceTolerance: 0.25);

        Assert.Equal(balanced, report.IsBalanced);
    }

    [Fact]
    public void IsBalanced_FourBackendsExactlyAtTwentyPercent_Balanced()
    {
        var samples = Served("a", 6).Concat(Served("b", 4)).Concat(Served("c", 5)).Concat(Served("d", 5));

        Assert.True(new TrafficReport(_url, samples, balanceTolerance: 0.2).IsBalanced);
        Assert.False(new TrafficReport(_url, samples, balanceTolerance: 0.19).IsBalanced);
    }

    [Fact]
    public void IsBalanced_ExpectedBackendMissing_NotBalanced()
    {
        var report = new TrafficReport(_url, Served("a", 10), expectedBackends: ["a", "b"]);

        Assert.False(report.IsBalanced);
        Assert.Equal(["b"], report.MissingBackends);
        Assert.Contains("missing: b", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsBalanced_UnexpectedBackendServed_NotBalanced()
    {
        var report = new TrafficReport(_url, Served("a", 5).Concat(Served("b", 5)), expectedBackends: ["a"]);

        Assert.False(report.IsBalanced);
        Assert.Equal(["b"], report.UnexpectedBackends);
    }

    [Fact]
    public void IsBalanced_FailuresAndUnknownsExcluded_JudgesAttributedOnly()
    {
        var samples = Served("a", 5).Concat(Served("b", 5)).Append(Ok(null)).Append(Fail("502", 502));

        var report = new TrafficReport(_url, samples, expectedBackends: ["a", "b"]);

        Assert.True(report.IsBalanced);
        Assert.False(report.AllSucceeded);
    }

    [Fact]
    public void IsBalanced_NothingAttributed_NotBalanced()
    {
        Assert.False(new TrafficReport(_url, [Ok(null), Ok(null)]).IsBalanced);
        Assert.False(new TrafficReport(_url, []).IsBalanced);
    }

    [Fact]
    public void Latency_KnownLatencies_NearestRankPercentiles()
    {
        var samples = Enumerable.Range(1, 100).Reverse().Select(ms => Ok("a", ms)).Append(Fail("Timeout"));

        var latency = new TrafficReport(_url, samples).Latency;

        Assert.Equal(100, latency.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(50), latency.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(90), latency.P90);
        Assert.Equal(TimeSpan.FromMilliseconds(99), latency.P99);
        Assert.Equal(TimeSpan.FromMilliseconds(100), latency.Max);
    }

    [Fact]
    public void LatencySummary_TenValues_RanksRoundUp()
    {
        var summary = LatencySummary.From(Enumerable.Range(1, 10).Select(ms => TimeSpan.FromMilliseconds(ms)));

        Assert.Equal(TimeSpan.FromMilliseconds(5), summary.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(9), summary.P90);
        Assert.Equal(TimeSpan.FromMilliseconds(10), summary.P99);
        Assert.Same(LatencySummary.Empty, LatencySummary.From([]));
    }

    [Fact]
    public void ToString_Summary_NamesCountsBackendsFailuresAndLatency()
    {
        var report = new TrafficReport(_url, Served("a", 2).Concat(Served("b", 2)).Append(Fail("502", 502)), elapsed: TimeSpan.FromSeconds(1.5));

        var text = report.ToString();

        Assert.Equal("4/5 succeeded in 1.5 s; 2 backend(s): a 2, b 2 (balanced within ±25%); failures: 502 ×1; p50 1 ms, p90 1 ms, p99 1 ms, max 1 ms", text);
    }

    [Fact]
    public void Constructor_ToleranceOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrafficReport(_url, [], balanceTolerance: 1.5));
    }
}
