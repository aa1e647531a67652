using System.Net;
using AlbBuilder.LocalCloud.Tests.Cloud;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>
/// Issue 12 item 9: <see cref="LocalCloudDataPlaneFaults"/> breaks one instance's web server while it runs; target health
/// shows AWS's state and reason, routing skips the unhealthy target, and with every target unhealthy the ALB fails open.
/// </summary>
public sealed class DataPlaneFaultTests : IAsyncLifetime
{
    private LocalCloud _cloud = null!;
    private Amazon.EC2.IAmazonEC2 _ec2 = null!;
    private AlbBuilder.ElasticLoadBalancingV2.IAmazonElasticLoadBalancingV2 _elb = null!;
    private Lab _lab = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.StartAsync();
        _ec2 = _cloud.CreateEc2Client();
        _elb = _cloud.CreateElasticLoadBalancingV2Client();
        _lab = await Lab.CreateAsync(_ec2, _elb, "faults", instances: 2);
        await _lab.WaitActiveAsync(_elb);
        await WaitHealthAsync(h => h.Count == 2 && h.Values.All(t => t.State == "healthy"), "healthy");
        _http = new HttpClient(_cloud.CreateHttpMessageHandler());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _ec2.Dispose();
        _elb.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task StopWebServer_UnhealthyFailedHealthChecks_TrafficOnlyToTheOther()
    {
        await _cloud.DataPlaneFaults.StopWebServerAsync(_lab.InstanceIds[0]);

        await WaitHealthAsync(h => h[_lab.InstanceIds[0]] == ("unhealthy", "Target.FailedHealthChecks"), "unhealthy / Target.FailedHealthChecks");
        await AssertOnlyTheHealthyOneServesAsync();
    }

    [Fact]
    public async Task Answer5xx_UnhealthyResponseCodeMismatch_TrafficOnlyToTheOther()
    {
        await _cloud.DataPlaneFaults.Answer5xxAsync(_lab.InstanceIds[0], 503);

        await WaitHealthAsync(h => h[_lab.InstanceIds[0]] == ("unhealthy", "Target.ResponseCodeMismatch"), "unhealthy / Target.ResponseCodeMismatch");
        await AssertOnlyTheHealthyOneServesAsync();
    }

    [Fact]
    public async Task Hang_UnhealthyTimeout_TrafficOnlyToTheOther()
    {
        await _cloud.DataPlaneFaults.HangAsync(_lab.InstanceIds[0]);

        await WaitHealthAsync(h => h[_lab.InstanceIds[0]] == ("unhealthy", "Target.Timeout"), "unhealthy / Target.Timeout");
        await AssertOnlyTheHealthyOneServesAsync();
    }

    [Fact]
    public async Task EveryTargetUnhealthy_FailsOpen_RoutesToAll()
    {
        await _cloud.DataPlaneFaults.Answer5xxAsync(_lab.InstanceIds[0], 500);
        await _cloud.DataPlaneFaults.Answer5xxAsync(_lab.InstanceIds[1], 501);
        await WaitHealthAsync(h => h.Values.All(t => t == ("unhealthy", "Target.ResponseCodeMismatch")), "both unhealthy");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await _http.GetAsync(Url);
            statuses.Add(response.StatusCode);
        }

        // Not 503 ("no healthy target"): both unhealthy targets still get requests, as an ALB fails open.
        Assert.Contains(HttpStatusCode.InternalServerError, statuses);
        Assert.Contains(HttpStatusCode.NotImplemented, statuses);
    }

    [Fact]
    public async Task Clear_TargetHealthyAgain_BothServe()
    {
        await _cloud.DataPlaneFaults.StopWebServerAsync(_lab.InstanceIds[0]);
        await WaitHealthAsync(h => h[_lab.InstanceIds[0]].State == "unhealthy", "unhealthy");

        await _cloud.DataPlaneFaults.ClearAsync(_lab.InstanceIds[0]);

        await WaitHealthAsync(h => h.Values.All(t => t.State == "healthy"), "healthy again");
        var bodies = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            bodies.Add(await _http.GetStringAsync(Url));
        }

        Assert.Equal(2, bodies.Count);
    }

    [Fact]
    public async Task UnknownInstance_Rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _cloud.DataPlaneFaults.StopWebServerAsync("i-0000000000000000"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _cloud.DataPlaneFaults.Answer5xxAsync(_lab.InstanceIds[0], 404));
    }

    private Uri Url => new($"http://{_lab.DnsName}/");

    private Task WaitHealthAsync(Func<Dictionary<string, (string State, string? Reason)>, bool> condition, string what) =>
        _lab.WaitForHealthAsync(_elb, condition, what);

    private async Task AssertOnlyTheHealthyOneServesAsync()
    {
        var bodies = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            bodies.Add(await _http.GetStringAsync(Url));
        }

        Assert.Single(bodies.Distinct());
    }
}
