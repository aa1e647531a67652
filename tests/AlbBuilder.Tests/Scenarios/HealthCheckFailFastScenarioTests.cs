using System.Diagnostics;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// A health check that can never pass on LocalCloud, as a new user writes it: the seed's web server answers 404 on
/// /health, so the start ends early with the path and the fix instead of waiting out its timeout.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class HealthCheckFailFastScenarioTests
{
    [Fact]
    public async Task StartAsync_HealthCheckPathTheServerDoesNotServe_FailsFastNamingThePath()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo")
            .WithHealthCheck(h => h with { Path = "/health" })
            .WithTimeouts(t => t with { TargetsHealthy = TimeSpan.FromMinutes(2) })
            .Build();
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.WaitTargetsHealthy, ex.Step);
        Assert.Contains("GET /health", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Target.ResponseCodeMismatch", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[404]", ex.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}: the wait did not end early");
    }
}
