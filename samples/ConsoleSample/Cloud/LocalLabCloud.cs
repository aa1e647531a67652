using AlbBuilder.Classroom;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud;
using Amazon.EC2;
using Emulator = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Sample.Cloud;

/// <summary>LocalCloud in this process: EC2/ELBv2 on 127.0.0.1, with real web servers and a real load balancer data plane.</summary>
internal sealed class LocalLabCloud : ILabCloud
{
    private readonly Emulator _cloud;

    private LocalLabCloud(Emulator cloud, string description, double speed)
    {
        _cloud = cloud;
        Description = description;

        // AWS's rates refilled as many times faster as the cloud's time runs (on Instant, which throttles nothing, --speed's).
        var timeScale = cloud.LatencyProfile.TimeScale;
        ClassroomRequestRates = AwsRequestRates.Default.Scaled(timeScale > 0 ? 1 / timeScale : speed);

        // The sample's own clients rather than the cloud's shared ones, so that `plan` can watch the lab's calls on them.
        Ec2 = cloud.CreateEc2Client();
        ElasticLoadBalancing = cloud.CreateElasticLoadBalancingV2Client();
    }

    public bool IsLocal => true;

    public string Description { get; }

    public IAmazonEC2 Ec2 { get; }

    public IAmazonElasticLoadBalancingV2 ElasticLoadBalancing { get; }

    public TimeProvider LabClock => _cloud.TimeProvider;

    public AwsRequestRates ClassroomRequestRates { get; }

    public ApiCallTally? ApiCalls
    {
        get
        {
            var calls = _cloud.Calls;

            // The counters hold each operation under its plain name and its qualified one (ec2:DescribeTags): the plain ones.
            var throttled = calls.ToDictionary().Keys
                .Where(operation => !operation.Contains(':', StringComparison.Ordinal) && calls.ThrottledOf(operation) > 0)
                .ToDictionary(operation => operation, calls.ThrottledOf, StringComparer.Ordinal);
            return new ApiCallTally(calls.Total, calls.Throttled, throttled);
        }
    }

    /// <summary>Starts a LocalCloud whose latencies are AWS's divided by <paramref name="speed"/> (or none at all when instant).</summary>
    public static async Task<LocalLabCloud> StartAsync(double speed, bool instant, CancellationToken cancellationToken)
    {
        var profile = instant ? LatencyProfile.Instant : LatencyProfile.Realistic(1.0 / speed);
        // AWS's request throttling, scaled with the profile (LocalCloud's default, named here: the classroom meets it).
        var cloud = await Emulator.StartAsync(new LocalCloudOptions { LatencyProfile = profile, Throttling = LocalCloudThrottling.Aws }, cancellationToken);
        var description = instant
            ? "LocalCloud (instant) in this process"
            : $"LocalCloud in this process, {speed:0.#}× faster than AWS (a load balancer that takes 2 minutes on AWS takes {120 / speed:0.#} s here)";
        return new LocalLabCloud(cloud, description, speed);
    }

    /// <summary>LocalCloud's traffic handler, clock and polling (<c>WithLocalCloud</c>), with the sample's clients.</summary>
    public AlbLabBuilder Configure(AlbLabBuilder builder) =>
        builder.WithLocalCloud(_cloud).WithAwsClients(Ec2, ElasticLoadBalancing);

    public Task<string?> FindLeftoversAsync(string labName, CancellationToken cancellationToken)
    {
        var inventory = _cloud.GetInventory();
        return Task.FromResult(inventory.IsEmpty ? null : inventory.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        ElasticLoadBalancing.Dispose();
        await _cloud.DisposeAsync();
    }
}
