using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud;
using Amazon.EC2;
using Emulator = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Sample.Cloud;

/// <summary>LocalCloud in this process: EC2/ELBv2 on 127.0.0.1, with real web servers and a real load balancer data plane.</summary>
internal sealed class LocalLabCloud : ILabCloud
{
    private readonly Emulator _cloud;
    private readonly HttpMessageHandler _trafficHandler;

    private LocalLabCloud(Emulator cloud, TimeProvider labClock, string description)
    {
        _cloud = cloud;
        LabClock = labClock;
        Description = description;
        Ec2 = cloud.CreateEc2Client();
        ElasticLoadBalancing = cloud.CreateElasticLoadBalancingV2Client();
        _trafficHandler = cloud.CreateHttpMessageHandler();
    }

    public bool IsLocal => true;

    public string Description { get; }

    public IAmazonEC2 Ec2 { get; }

    public IAmazonElasticLoadBalancingV2 ElasticLoadBalancing { get; }

    public TimeProvider LabClock { get; }

    public HttpMessageHandler? TrafficHandler => _trafficHandler;

    /// <summary>The emulator itself (its call counters, for the plan).</summary>
    public Emulator Cloud => _cloud;

    /// <summary>Starts a LocalCloud whose latencies are AWS's divided by <paramref name="speed"/> (or none at all when instant).</summary>
    public static async Task<LocalLabCloud> StartAsync(double speed, bool instant, CancellationToken cancellationToken)
    {
        var profile = instant ? LatencyProfile.Instant : LatencyProfile.Realistic(1.0 / speed);
        var cloud = await Emulator.StartAsync(new LocalCloudOptions { LatencyProfile = profile }, cancellationToken);
        var description = instant
            ? "LocalCloud (instant) in this process"
            : $"LocalCloud in this process, {speed:0.#}× faster than AWS (a 2-minute load balancer takes {120 / speed:0.#} s)";
        return new LocalLabCloud(cloud, new ScaledTimeProvider(speed), description);
    }

    public AlbLabBuilder Configure(AlbLabBuilder builder) =>
        builder.WithAwsClients(Ec2, ElasticLoadBalancing).WithTimeProvider(LabClock);

    public Task<string?> FindLeftoversAsync(string labName, CancellationToken cancellationToken)
    {
        var inventory = _cloud.GetInventory();
        return Task.FromResult(inventory.IsEmpty ? null : inventory.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _trafficHandler.Dispose();
        Ec2.Dispose();
        ElasticLoadBalancing.Dispose();
        await _cloud.DisposeAsync();
    }
}
