using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.LocalCloud.Tests.Cloud;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.LocalCloud.Tests.Fidelity;

/// <summary>AWS behaviours of instances and targets (docs/aws-behaviours.md, "Instances and targets"), with the real SDK clients.</summary>
public sealed class InstanceFidelityTests
{
    [Fact]
    public async Task RunInstances_TokenReusedAfterTheInstancesAreGone_ReturnsTheTerminatedReservationForADay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { TimeProvider = time, VerifySignatures = false }); // a fake clock far from the signer's
        using var ec2 = cloud.CreateEc2Client();
        var request = new RunInstancesRequest { ImageId = CloudHelpers.Al2023, MinCount = 1, MaxCount = 1, ClientToken = "lab-a-1" };
        var first = (await ec2.RunInstancesAsync(request)).Reservation;
        var id = first.Instances.Single().InstanceId;
        await CloudHelpers.WaitForStateAsync(ec2, id, "running");
        await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await CloudHelpers.WaitForStateAsync(ec2, id, "terminated");

        // An hour later DescribeInstances no longer knows the instance, but the token still names its reservation.
        time.Advance(TimeSpan.FromHours(1));
        await Poll.UntilAsync(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest()), r => (r.Reservations ?? []).Count == 0, "instance forgotten");
        var again = (await ec2.RunInstancesAsync(request)).Reservation;
        Assert.Equal(first.ReservationId, again.ReservationId);
        Assert.Equal(id, again.Instances.Single().InstanceId);
        Assert.Equal(InstanceStateName.Terminated, again.Instances.Single().State.Name);

        time.Advance(TimeSpan.FromHours(22));
        Assert.Equal(id, (await ec2.RunInstancesAsync(request)).Reservation.Instances.Single().InstanceId);

        // Past 24 h after the instances were gone the token is free again: a new launch.
        time.Advance(TimeSpan.FromHours(2));
        var fresh = (await ec2.RunInstancesAsync(request)).Reservation;
        Assert.NotEqual(first.ReservationId, fresh.ReservationId);
        Assert.Equal(InstanceStateName.Pending, fresh.Instances.Single().State.Name);
    }

    [Fact]
    public void ClientTokenMemory_AtLeastADayOnEveryProfile()
    {
        Assert.Equal(TimeSpan.FromHours(24), LatencyProfile.Instant.ClientTokenMemory);
        Assert.Equal(TimeSpan.FromHours(24), LatencyProfile.Realistic(0.1).ClientTokenMemory);
        Assert.Equal(TimeSpan.FromHours(48), LatencyProfile.Realistic(2).ClientTokenMemory);
    }

    [Fact]
    public async Task RegisterTargets_JustAfterRunning_InvalidTargetUntilTheLagHasPassed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            VerifySignatures = false, // a fake clock far from the signer's
            TimeProvider = time,
            LatencyProfile = LatencyProfile.Instant.WithTargetRegistrationLag(TimeSpan.FromSeconds(10)),
        });
        using var ec2 = cloud.CreateEc2Client();
        using var elb = cloud.CreateElasticLoadBalancingV2Client();
        var id = (await CloudHelpers.RunAsync(ec2, 1))[0].InstanceId;
        await CloudHelpers.WaitForStateAsync(ec2, id, "running");
        var arn = (await elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest
        {
            Name = "lag",
            Protocol = ProtocolEnum.HTTP,
            Port = 80,
            VpcId = await CloudHelpers.DefaultVpcIdAsync(ec2),
        })).TargetGroups![0].TargetGroupArn;
        var register = new Elb.RegisterTargetsRequest { TargetGroupArn = arn, Targets = [new Elb.TargetDescription { Id = id }] };

        var early = await Assert.ThrowsAnyAsync<Amazon.Runtime.AmazonServiceException>(() => elb.RegisterTargetsAsync(register));
        Assert.Equal("InvalidTarget", early.ErrorCode);
        Assert.Equal($"The following targets are not in a running state and cannot be registered: '{id}'", early.Message);

        time.Advance(TimeSpan.FromSeconds(10));
        await elb.RegisterTargetsAsync(register);
        var health = await elb.DescribeTargetHealthAsync(new Elb.DescribeTargetHealthRequest { TargetGroupArn = arn });
        Assert.Equal(id, Assert.Single(health.TargetHealthDescriptions!).Target!.Id);
    }

    [Fact]
    public void TargetRegistrationLag_ZeroOnInstant_SecondsOnRealistic()
    {
        Assert.Equal(TimeSpan.Zero, LatencyProfile.Instant.TargetRegistrationLag);
        Assert.Equal(TimeSpan.FromSeconds(5), LatencyProfile.Realistic().TargetRegistrationLag);
        Assert.Equal(TimeSpan.FromSeconds(2), LatencyProfile.Realistic().WithTargetRegistrationLag(TimeSpan.FromSeconds(2)).TargetRegistrationLag);
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyProfile.Instant.WithTargetRegistrationLag(TimeSpan.FromSeconds(-1)));
    }
}
