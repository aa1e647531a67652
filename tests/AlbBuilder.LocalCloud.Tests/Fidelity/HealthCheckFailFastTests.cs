using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>
/// <c>WithLocalCloud</c> (and <c>UseLocalCloud</c>) scale the lab's timeouts with the latency profile, so a health
/// check that can never pass ends early on LocalCloud too: the seed's web server answers 404 on /health.
/// </summary>
public sealed class HealthCheckFailFastTests
{
    [Fact]
    public void ScaledTimeouts_Instant_AMinuteEach_Realistic_ScaledByTheProfile()
    {
        var instant = LocalCloudLabExtensions.ScaledTimeouts(LabTimeouts.Default, LatencyProfile.Instant);
        var tenth = LocalCloudLabExtensions.ScaledTimeouts(LabTimeouts.Default, LatencyProfile.Realistic(0.1));
        var shortSet = LocalCloudLabExtensions.ScaledTimeouts(LabTimeouts.Default with { TargetsHealthy = TimeSpan.FromSeconds(20) }, LatencyProfile.Instant);

        Assert.Equal(new LabTimeouts(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)), instant);
        Assert.Equal(new LabTimeouts(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(2)), tenth);
        Assert.Equal(TimeSpan.FromSeconds(20), shortSet.TargetsHealthy);
        Assert.Equal(LabTimeouts.Default, LocalCloudLabExtensions.ScaledTimeouts(LabTimeouts.Default, LatencyProfile.Realistic(1.0)));
    }

    [Fact]
    public async Task StartAsync_WithLocalCloudAndAWrongHealthCheckPath_FailsFastNamingThePathAndTheFix()
    {
        await using var cloud = await LocalCloud.StartAsync();
        var lab = AlbLab.Create("ff").WithInstances(2).WithLocalCloud(cloud).WithHealthCheck(h => h with { Path = "/health" }).Build();
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        AssertWrongPath(ex, clock.Elapsed);
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task StartAsync_UseLocalCloudAndAWrongHealthCheckPath_FailsFast()
    {
        await using var cloud = await LocalCloud.StartAsync();
        var services = new ServiceCollection();
        services.AddAlbBuilder(o => o.InstanceCount = 1).UseLocalCloud(cloud);
        await using var provider = services.BuildServiceProvider();
        var lab = provider.GetRequiredService<IAlbLabFactory>().Create("ff-di").WithHealthCheck(h => h with { Path = "/health" }).Build();
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        AssertWrongPath(ex, clock.Elapsed);
    }

    private static void AssertWrongPath(AlbLabException ex, TimeSpan took)
    {
        Assert.Equal(LabStep.WaitTargetsHealthy, ex.Step);
        Assert.Contains("GET /health", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[404]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithHealthCheck", ex.Message, StringComparison.Ordinal);

        // The mismatch must last a twentieth of the scaled 1-minute timeout (3 s); unscaled, 4 intervals (20 s). The
        // message says how long it lasted, which does not depend on how long the start took on a loaded machine.
        var lasted = int.Parse(Regex.Match(ex.Message, @"for (\d+) s every failing target").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(lasted, 3, 10);
        Assert.True(took < TimeSpan.FromSeconds(60), $"took {took}: the wait did not end early");
    }
}
