using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud;
using Amazon.EC2;
using Microsoft.Extensions.Logging;
using Cloud = AlbBuilder.LocalCloud.LocalCloud;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>
/// One LocalCloud (Instant profile) per test, with the real SDK clients (fast retries) and a call recorder on them.
/// Labs built with <see cref="Lab"/> run on it like <c>WithLocalCloud</c> but through these clients.
/// </summary>
internal sealed class CloudRig : IAsyncDisposable
{
    private CloudRig(Cloud cloud, ILoggerFactory? loggerFactory)
    {
        Cloud = cloud;
        LoggerFactory = loggerFactory;
        Ec2 = new FastRetryEc2Client(cloud.Credentials, cloud.ConfigureEc2(new AmazonEC2Config()));
        Elb = new FastRetryElbClient(cloud.Credentials, cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config()));
        Recorder.Attach(Ec2, "ec2");
        Recorder.Attach(Elb, "elasticloadbalancing");
    }

    public Cloud Cloud { get; }

    public IAmazonEC2 Ec2 { get; }

    public IAmazonElasticLoadBalancingV2 Elb { get; }

    public CallRecorder Recorder { get; } = new();

    public ILoggerFactory? LoggerFactory { get; }

    public static async Task<CloudRig> StartAsync(ILoggerFactory? loggerFactory = null) =>
        new(await Cloud.StartAsync(new LocalCloudOptions { LoggerFactory = loggerFactory }), loggerFactory);

    /// <summary>A lab on this cloud: 2 instances by default, fast polling, this rig's clients.</summary>
    public AlbLabBuilder Lab(string name)
    {
        var builder = AlbLab.Create(name).WithInstances(2).WithLocalCloud(Cloud).WithAwsClients(Ec2, Elb);
        return LoggerFactory is null ? builder : builder.WithLoggerFactory(LoggerFactory);
    }

    public LocalCloudInventory Inventory => Cloud.GetInventory();

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        Elb.Dispose();
        await Cloud.DisposeAsync();
    }
}
