using AlbBuilder.LocalCloud;
using Snippets;

namespace AlbBuilder.Docs.Tests;

/// <summary>The lab snippets of api.md, waiters.md and traffic-and-drill.md, run on LocalCloud.</summary>
public sealed class LabSnippetTests : IAsyncLifetime
{
    private AlbBuilder.LocalCloud.LocalCloud _cloud = null!;

    public async Task InitializeAsync() => _cloud = await AlbBuilder.LocalCloud.LocalCloud.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task StatusAndDrillSnippets_ReportAServingLabAndASuccessfulDrill()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using (var lab = Configuration.ForLocalCloud(_cloud))
        {
            await lab.StartAsync(cancellationToken: timeout.Token);

            var status = await Lifecycle.StatusAsync(lab, timeout.Token);
            Assert.True(status.IsServing);
            Assert.Equal(2, status.Instances.Count);

            var drill = await Lifecycle.DrillAsync(lab, timeout.Token);
            Assert.True(drill.Succeeded, drill.Summary);
        }

        Assert.True(_cloud.GetInventory().IsEmpty, _cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task ErrorsSnippet_ReturnsTheFailedStep_AfterRollingBack()
    {
        _cloud.Faults.FailNext("CreateListener", 1, "TooManyListeners", 400, "Injected by the docs test.");
        await using var lab = Configuration.ForLocalCloud(_cloud);

        var step = await Lifecycle.EventsAsync(lab);

        Assert.Equal(LabStep.CreateListener, step);
        Assert.Equal(LabState.Failed, lab.State);
        Assert.True(_cloud.GetInventory().IsEmpty, _cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task SweepSnippet_ListsButKeepsALabThatHasNotExpired()
    {
        await using var lab = AlbLab.Create("kept").WithTimeToLive(TimeSpan.FromHours(1)).WithLocalCloud(_cloud).Build();
        await lab.StartAsync();
        using var ec2 = _cloud.CreateEc2Client();
        using var elb = _cloud.CreateElasticLoadBalancingV2Client();

        var removed = await Lifecycle.SweepAsync(ec2, elb);

        Assert.Equal(0, removed);
        Assert.Single(_cloud.GetInventory().LoadBalancers);
    }
}
