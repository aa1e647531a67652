using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.LocalCloud;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Classroom.Tests.Scenarios;

/// <summary>
/// A LocalCloud (Instant profile) for classroom scenarios, with its own SDK clients over HTTP to look at what the labs
/// created. Loopback only; LocalCloud's fake credentials and region.
/// </summary>
internal sealed class ClassroomCloud : IAsyncDisposable
{
    private ClassroomCloud(LocalCloud.LocalCloud cloud)
    {
        Cloud = cloud;
        Ec2 = cloud.CreateEc2Client();
        Elb = cloud.CreateElasticLoadBalancingV2Client();
    }

    public LocalCloud.LocalCloud Cloud { get; }

    public IAmazonEC2 Ec2 { get; }

    public IAmazonElasticLoadBalancingV2 Elb { get; }

    public static async Task<ClassroomCloud> StartAsync() =>
        new(await LocalCloud.LocalCloud.StartAsync(new LocalCloudOptions { LatencyProfile = LatencyProfile.Instant }));

    /// <summary>The class's template: a lab on this cloud, with timeouts that end a broken test in minutes, not AWS's hour.</summary>
    public AlbLabBuilder Template() =>
        AlbLab.Create()
            .WithLocalCloud(Cloud)
            .WithDeregistrationDelay(TimeSpan.Zero)
            .WithTimeouts(t => t with
            {
                InstancesRunning = TimeSpan.FromMinutes(2),
                LoadBalancerActive = TimeSpan.FromMinutes(2),
                TargetsHealthy = TimeSpan.FromMinutes(2),
                Teardown = TimeSpan.FromMinutes(2),
            });

    /// <summary>The (class, learner) tags of every live instance, by the lab tag.</summary>
    public async Task<IReadOnlyList<(string Lab, string? Class, string? Learner)>> InstanceTagsAsync()
    {
        var response = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Amazon.EC2.Model.Filter("tag-key", [LabTags.Lab]), new Amazon.EC2.Model.Filter("instance-state-name", ["pending", "running"])],
        });
        return [.. (response.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(i => (Tag(i.Tags, LabTags.Lab)!, Tag(i.Tags, ClassroomTags.Class), Tag(i.Tags, ClassroomTags.Learner)))];
    }

    /// <summary>The (class, learner) tags of every load balancer, by its name.</summary>
    public async Task<IReadOnlyDictionary<string, (string? Class, string? Learner)>> LoadBalancerTagsAsync()
    {
        var balancers = (await Elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest())).LoadBalancers ?? [];
        if (balancers.Count == 0)
        {
            return new Dictionary<string, (string?, string?)>();
        }

        var tags = (await Elb.DescribeTagsAsync(new AlbBuilder.ElasticLoadBalancingV2.Model.DescribeTagsRequest { ResourceArns = [.. balancers.Select(b => b.LoadBalancerArn)] })).TagDescriptions ?? [];
        return balancers.ToDictionary(
            b => b.LoadBalancerName,
            b =>
            {
                var list = tags.Single(t => t.ResourceArn == b.LoadBalancerArn).Tags ?? [];
                return (list.FirstOrDefault(t => t.Key == ClassroomTags.Class)?.Value, list.FirstOrDefault(t => t.Key == ClassroomTags.Learner)?.Value);
            });
    }

    public async ValueTask DisposeAsync()
    {
        Ec2.Dispose();
        Elb.Dispose();
        await Cloud.DisposeAsync();
    }

    private static string? Tag(List<Amazon.EC2.Model.Tag>? tags, string key) => tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
