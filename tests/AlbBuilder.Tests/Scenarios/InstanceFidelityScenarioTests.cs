using AlbBuilder.LocalCloud;
using Amazon.EC2.Model;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// The lab against the AWS behaviours of instances and targets (docs/aws-behaviours.md, "Instances and targets"):
/// remembered client tokens, ELB's registration lag, adopted instances that are still stopping.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class InstanceFidelityScenarioTests
{
    [Fact]
    public async Task StartAsync_ReRunAfterTheInstancesWereTerminated_LaunchesNewOnesWithNewTokens()
    {
        await using var env = await LabCloud.StartAsync();
        var first = env.Lab("demo").WithCleanUp(false).Build();
        await first.StartAsync();
        var gone = first.Resources.InstanceIds.ToList();
        var firstTokens = env.Requests<RunInstancesRequest>().Select(r => r.ClientToken).ToList();

        // A partial teardown: the instances are terminated, the groups, target group and load balancer are left.
        await env.Seed.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = gone });
        foreach (var id in gone)
        {
            await env.Seed.WaitForStateAsync(id, "terminated");
        }

        var second = env.Lab("demo").Build();
        await second.StartAsync();

        Assert.Equal(LabState.Running, second.State);
        Assert.Equal(first.Resources.LabId, second.Resources.LabId);
        Assert.Empty(second.Resources.InstanceIds.Intersect(gone));
        Assert.Equal(2, second.Resources.InstanceIds.Count);
        var secondTokens = env.Requests<RunInstancesRequest>().Skip(firstTokens.Count).Select(r => r.ClientToken).ToList();
        Assert.Equal(2, secondTokens.Count);
        Assert.Empty(secondTokens.Intersect(firstTokens));
        foreach (var id in second.Resources.InstanceIds)
        {
            Assert.Equal("running", (await env.Seed.InstanceAsync(id)).State.Name.Value);
        }
    }

    [Fact]
    public async Task StartAsync_ReservationComesBackTerminated_LaunchesAReplacementWithAFreshToken()
    {
        await using var env = await LabCloud.StartAsync();

        // Before the lab's first RunInstances lands, the same request (same client token) has already launched an
        // instance that was then terminated: EC2 answers the lab with that terminated reservation.
        var calls = 0;
        var stale = string.Empty;
        env.OnRequest("RunInstances", () =>
        {
            if (Interlocked.Increment(ref calls) != 1)
            {
                return;
            }

            var lab = env.Requests<RunInstancesRequest>()[0];
            var copy = new RunInstancesRequest
            {
                ImageId = lab.ImageId,
                InstanceType = lab.InstanceType,
                MinCount = lab.MinCount,
                MaxCount = lab.MaxCount,
                SubnetId = lab.SubnetId,
                SecurityGroupIds = lab.SecurityGroupIds,
                ClientToken = lab.ClientToken,
                MetadataOptions = lab.MetadataOptions,
                TagSpecifications = lab.TagSpecifications,
                UserData = lab.UserData,
            };
            stale = env.Seed.Ec2.RunInstancesAsync(copy).GetAwaiter().GetResult().Reservation.Instances.Single().InstanceId;
            env.Seed.WaitForStateAsync(stale, "running").GetAwaiter().GetResult();
            env.Seed.Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [stale] }).GetAwaiter().GetResult();
            env.Seed.WaitForStateAsync(stale, "terminated").GetAwaiter().GetResult();
        });
        var log = new EventLog();
        var lab = env.Lab("demo", instances: 1).Build();

        await lab.StartAsync(log);

        Assert.Equal(LabState.Running, lab.State);
        var runs = env.Requests<RunInstancesRequest>();
        Assert.Equal(2, runs.Count);
        Assert.NotEqual(runs[0].ClientToken, runs[1].ClientToken);
        var id = Assert.Single(lab.Resources.InstanceIds);
        Assert.NotEqual(stale, id);
        Assert.Equal("running", (await env.Seed.InstanceAsync(id)).State.Name.Value);
        Assert.Equal("demo-1", CloudSeed.Tag(await env.Seed.InstanceAsync(id), "Name"));
        Assert.Contains(log.Events, e => e.Step == LabStep.RunInstances && e.Kind == LabEventKind.Progress && e.Message.Contains(stale, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_RegistrationLags_RetriesInvalidTargetUntilTheTargetsRegister()
    {
        await using var env = await LabCloud.StartAsync(LatencyProfile.Instant.WithTargetRegistrationLag(TimeSpan.FromSeconds(2)));
        var log = new EventLog();
        var lab = env.Lab("demo").Build();

        await lab.StartAsync(log);

        Assert.Equal(LabState.Running, lab.State);
        Assert.True(env.Count("RegisterTargets") >= 2, $"RegisterTargets was called {env.Count("RegisterTargets")} time(s).");
        Assert.Equal(2, (await env.Seed.RegisteredTargetsAsync(lab.Resources.TargetGroupArn!)).Count);
        Assert.Contains(log.Events, e => e.Step == LabStep.RegisterTargets && e.Kind == LabEventKind.Progress && e.Message.StartsWith("InvalidTarget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_RegistrationNeverAccepted_FailsAfterTheBoundNamingTheInstances()
    {
        await using var env = await LabCloud.StartAsync(LatencyProfile.Instant.WithTargetRegistrationLag(TimeSpan.FromHours(1)));
        var time = new AutoAdvancingTime();
        var lab = env.Lab("demo", time).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        LabAssert.FailedAt(LabStep.RegisterTargets, ex);
        var instances = env.Requests<RunInstancesRequest>().Count;
        Assert.Equal(2, instances);
        Assert.Contains("still rejects", ex.Message, StringComparison.Ordinal);
        Assert.Contains("start the lab again", ex.Message, StringComparison.Ordinal);
        Assert.True(env.Count("RegisterTargets") >= 3, $"RegisterTargets was called {env.Count("RegisterTargets")} time(s).");
    }

    [Fact]
    public async Task StartAsync_AdoptedInstanceStillStopping_WaitsUntilStoppedThenStartsIt()
    {
        await using var env = await LabCloud.StartAsync(LatencyProfile.Instant.WithInstanceStopping(TimeSpan.FromSeconds(1.5)));
        var stopping = await env.Seed.InstanceAsync("running", [.. CloudSeed.Owned("instance"), ("Name", "demo-1")]);
        await env.Seed.Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [stopping] });
        Assert.Equal("stopping", (await env.Seed.InstanceAsync(stopping)).State.Name.Value);
        var lab = env.Lab("demo", instances: 1).Build();

        await lab.StartAsync();

        Assert.Equal(LabState.Running, lab.State);
        Assert.Equal([stopping], lab.Resources.InstanceIds);
        Assert.Equal([stopping], env.Requests<StartInstancesRequest>().Single().InstanceIds);
        Assert.Equal(0, env.Count("RunInstances"));
        Assert.Equal("running", (await env.Seed.InstanceAsync(stopping)).State.Name.Value);
    }

    [Fact]
    public async Task StartAsync_UserData_ReadBackWithDescribeInstanceAttribute()
    {
        await using var env = await LabCloud.StartAsync();
        var lab = env.Lab("demo", instances: 1).Build();
        await lab.StartAsync();

        var attribute = await env.Seed.Ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest
        {
            InstanceId = lab.Resources.InstanceIds[0],
            Attribute = Amazon.EC2.InstanceAttributeName.UserData,
        });

        Assert.Equal(LabCloud.UserData, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attribute.InstanceAttribute.UserData)));
    }
}
