using AlbBuilder.Classroom.Throttling;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.Waiters;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace AlbBuilder.Classroom.Tests.Throttling;

/// <summary>Real SDK clients over HTTP to LocalCloud (Instant), wrapped as a classroom's, driven by the official waiters.</summary>
public sealed class SharedClientsOnLocalCloudTests : IAsyncLifetime
{
    private const string Al2023 = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    private static readonly WaiterOptions Quick = new() { MinDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) };

    private LocalCloud.LocalCloud _cloud = null!;
    private IAmazonEC2 _ec2 = null!;
    private IAmazonElasticLoadBalancingV2 _elb = null!;
    private ClassroomClients _shared = null!;

    public async Task InitializeAsync()
    {
        _cloud = await LocalCloud.LocalCloud.StartAsync();
        _ec2 = _cloud.CreateEc2Client();
        _elb = _cloud.CreateElasticLoadBalancingV2Client();

        // A wide window: both labs' first polls surely fall in it, even on a loaded machine.
        _shared = ClassroomClients.Wrap(_ec2, _elb, AwsRequestRates.Default, TimeProvider.System, TimeSpan.FromMilliseconds(500));
    }

    public async Task DisposeAsync()
    {
        _ec2.Dispose();
        _elb.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task InstanceRunning_TwoLabsAtOnce_ShareTheirPolls_EachSeesOnlyItsInstances()
    {
        var labA = await LaunchAsync(2);
        var labB = await LaunchAsync(1);

        var waitA = _shared.Ec2.WaitUntilInstancesRunningAsync(labA, Quick);
        var waitB = _shared.Ec2.WaitUntilInstancesRunningAsync(labB, Quick);

        Assert.Equal(labA.Order(), (await waitA).Select(i => i.InstanceId).Order());
        Assert.Equal(labB, (await waitB).Select(i => i.InstanceId));
        Assert.All(await waitA, i => Assert.Equal(InstanceStateName.Running, i.State.Name));
        var polls = _shared.Calls.ByAction["EC2:DescribeInstances"];
        Assert.True(polls.Coalesced >= 1, $"{polls}");
        Assert.Equal(new ApiCallCount(2, 2, 0), _shared.Calls.ByAction["EC2:RunInstances"]);
    }

    [Fact]
    public async Task InstanceRunning_AnUnknownIdNextToALab_KeepsTheOfficialRetryOnNotFound()
    {
        var lab = await LaunchAsync(1);

        var waitLab = _shared.Ec2.WaitUntilInstancesRunningAsync(lab, Quick);
        var waitUnknown = _shared.Ec2.WaitUntilInstancesRunningAsync(["i-0123456789abcdef0"], Quick with { Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(lab, (await waitLab).Select(i => i.InstanceId));

        // InvalidInstanceID.NotFound is a retry acceptor of InstanceRunning: the waiter retries until its timeout
        // instead of failing with the shared call's error.
        await Assert.ThrowsAsync<WaiterTimeoutException>(() => waitUnknown);
    }

    private async Task<List<string>> LaunchAsync(int count)
    {
        var response = await _shared.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = Al2023, InstanceType = InstanceType.T3Micro, MinCount = count, MaxCount = count });
        return [.. response.Reservation.Instances.Select(i => i.InstanceId)];
    }
}
