using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Reliability.Tests.Infrastructure;
using Amazon.EC2;
using Amazon.EC2.Model;
using NSubstitute;
using Xunit.Abstractions;
using Ec2Instance = Amazon.EC2.Model.Instance;

namespace AlbBuilder.Reliability.Tests.Malformed;

/// <summary>
/// Missing members, empty lists and unknown enum values in AWS responses must end in a clear error (or be coped
/// with), never a NullReferenceException or a message-less InvalidOperationException; and nothing may be left behind.
/// The responses come from LocalCloud through the real clients and are changed on the way back.
/// </summary>
public sealed class MalformedResponseTests(ITestOutputHelper output)
{
    private static readonly MalformedCase[] _cases =
    [
        new("DescribeVpcs: Vpcs null", (ec2, _) => ec2.Change<DescribeVpcsResponse>("DescribeVpcs", r => { r.Vpcs = null; return r; })),
        new("DescribeVpcs: Vpcs empty", (ec2, _) => ec2.Change<DescribeVpcsResponse>("DescribeVpcs", r => { r.Vpcs = []; return r; })),
        new("DescribeVpcs: no response", (ec2, _) => ec2.Change<DescribeVpcsResponse>("DescribeVpcs", _ => null)),
        new("DescribeSubnets: Subnets null", (ec2, _) => ec2.Change<DescribeSubnetsResponse>("DescribeSubnets", r => { r.Subnets = null; return r; })),
        new("DescribeSubnets: every subnet in one AZ", (ec2, _) => ec2.Change<DescribeSubnetsResponse>("DescribeSubnets", r => { r.Subnets?.ForEach(s => s.AvailabilityZone = "us-east-1a"); return r; })),
        new("DescribeSubnets: subnet ids and AZs missing", (ec2, _) => ec2.Change<DescribeSubnetsResponse>("DescribeSubnets", r => { r.Subnets?.ForEach(s => { s.SubnetId = null; s.AvailabilityZone = null; }); return r; })),
        new("DescribeSecurityGroups: SecurityGroups null", (ec2, _) => ec2.Change<DescribeSecurityGroupsResponse>("DescribeSecurityGroups", r => { r.SecurityGroups = null; return r; }), Completes: true),
        new("CreateSecurityGroup: GroupId null", (ec2, _) => ec2.Change<CreateSecurityGroupResponse>("CreateSecurityGroup", r => { r.GroupId = null; return r; })),
        new("RunInstances: Reservation null", (ec2, _) => ec2.Change<RunInstancesResponse>("RunInstances", r => { r.Reservation = null; return r; })),
        new("RunInstances: no instances", (ec2, _) => ec2.Change<RunInstancesResponse>("RunInstances", r => { r.Reservation!.Instances = []; return r; })),
        new("RunInstances: no response", (ec2, _) => ec2.Change<RunInstancesResponse>("RunInstances", _ => null)),
        new("DescribeInstances: Reservations null", (ec2, _) => ec2.Change<DescribeInstancesResponse>("DescribeInstances", r => { r.Reservations = null; return r; }), BlindsTeardown: true),
        new("DescribeInstances: State null", (ec2, _) => ec2.Change<DescribeInstancesResponse>("DescribeInstances", r => { ForEachInstance(r, i => i.State = null); return r; }), BlindsTeardown: true),
        new("DescribeInstances: state 'weird'", (ec2, _) => ec2.Change<DescribeInstancesResponse>("DescribeInstances", r => { ForEachInstance(r, i => i.State = new InstanceState { Name = new InstanceStateName("weird") }); return r; }), BlindsTeardown: true),
        new("CreateTargetGroup: TargetGroups null", (_, elb) => elb.Change<CreateTargetGroupResponse>("CreateTargetGroup", r => { r.TargetGroups = null; return r; })),
        new("CreateLoadBalancer: LoadBalancers null", (_, elb) => elb.Change<CreateLoadBalancerResponse>("CreateLoadBalancer", r => { r.LoadBalancers = null; return r; })),
        new("CreateLoadBalancer: no response", (_, elb) => elb.Change<CreateLoadBalancerResponse>("CreateLoadBalancer", _ => null)),
        new("CreateListener: Listeners empty", (_, elb) => elb.Change<CreateListenerResponse>("CreateListener", r => { r.Listeners = []; return r; })),
        new("DescribeLoadBalancers: State null", (_, elb) => elb.Change<DescribeLoadBalancersResponse>("DescribeLoadBalancers", r => { r.LoadBalancers?.ForEach(lb => lb.State = null); return r; })),
        new("DescribeLoadBalancers: state 'weird'", (_, elb) => elb.Change<DescribeLoadBalancersResponse>("DescribeLoadBalancers", r => { r.LoadBalancers?.ForEach(lb => lb.State = new LoadBalancerState { Code = new LoadBalancerStateEnum("weird") }); return r; })),
        new("DescribeLoadBalancers: LoadBalancers null", (_, elb) => elb.Change<DescribeLoadBalancersResponse>("DescribeLoadBalancers", r => { r.LoadBalancers = null; return r; })),
        new("DescribeTargetHealth: descriptions null", (_, elb) => elb.Change<DescribeTargetHealthResponse>("DescribeTargetHealth", r => { r.TargetHealthDescriptions = null; return r; })),
        new("DescribeTargetHealth: TargetHealth null", (_, elb) => elb.Change<DescribeTargetHealthResponse>("DescribeTargetHealth", r => { r.TargetHealthDescriptions?.ForEach(d => d.TargetHealth = null); return r; })),
        new("DescribeTargetHealth: state 'weird'", (_, elb) => elb.Change<DescribeTargetHealthResponse>("DescribeTargetHealth", r => { r.TargetHealthDescriptions?.ForEach(d => d.TargetHealth = new TargetHealth { State = new TargetHealthStateEnum("weird") }); return r; })),
        new("DescribeTags: TagDescriptions null", (_, elb) => elb.Change<AlbBuilder.ElasticLoadBalancingV2.Model.DescribeTagsResponse>("DescribeTags", r => { r.TagDescriptions = null; return r; }), Completes: true),
    ];

    [Fact]
    public async Task SurprisingResponses_ClearErrorOrCoped_NeverNullReference_NothingLeft()
    {
        var results = await Bounded.RunAsync(_cases, async c =>
        {
            try
            {
                return await RunAsync(c).WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                return (Name: c.Name, Problem: (string?)"no answer within 60 s", Outcome: string.Empty);
            }
        });
        foreach (var (name, problem, outcome) in results)
        {
            output.WriteLine($"{(problem is null ? "PASS" : "FAIL")} {name}: {problem ?? outcome}");
        }

        var passed = results.Count(r => r.Problem is null);
        output.WriteLine($"MALFORMED RESPONSES: {results.Count} cases, {passed} passed (clear error or coped; no NullReferenceException; nothing left)");
        Assert.True(passed == results.Count, string.Join(Environment.NewLine, results.Where(r => r.Problem is not null).Select(r => $"{r.Name}: {r.Problem}")));
    }

    [Fact]
    public async Task MockedClientsAnsweringNothing_StartFailsClearly_BeforeCreatingAnything()
    {
        // NSubstitute answers every call with a null response.
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        var lab = AlbLab.Create("nulls").WithAwsClients(ec2, elb).WithPolling(TimeSpan.FromMilliseconds(10)).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.DiscoverNetwork, ex.Step);
        AssertClear(ex);
        Assert.Empty(ex.Created);
        await ec2.DidNotReceiveWithAnyArgs().CreateSecurityGroupAsync(default!, default);
        await ec2.DidNotReceiveWithAnyArgs().RunInstancesAsync(default!, default);
        await elb.DidNotReceiveWithAnyArgs().CreateLoadBalancerAsync(default!, default);
    }

    [Fact]
    public async Task MockedDescribeVpcsWithNullVpcs_SaysThereIsNoDefaultVpc()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        ec2.DescribeVpcsAsync(Arg.Any<DescribeVpcsRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeVpcsResponse { Vpcs = null });
        var lab = AlbLab.Create("novpc").WithAwsClients(ec2, Substitute.For<IAmazonElasticLoadBalancingV2>()).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.DiscoverNetwork, ex.Step);
        Assert.Contains("VPC", ex.Message, StringComparison.Ordinal);
        AssertClear(ex);
    }

    [Fact]
    public async Task MockedStatusWithEverythingMissing_ReadsAsUnknown_NoNullReference()
    {
        await using var rig = await CloudRig.StartAsync();
        var ec2 = TamperingProxy<IAmazonEC2>.Wrap(rig.Ec2, out var ec2Proxy);
        var elb = TamperingProxy<IAmazonElasticLoadBalancingV2>.Wrap(rig.Elb, out var elbProxy);
        var lab = rig.Lab("status").WithAwsClients(ec2, elb).Build();
        await lab.StartAsync();

        ec2Proxy.Change<DescribeInstancesResponse>("DescribeInstances", r => { ForEachInstance(r, i => { i.State = null; i.Tags = null; i.Placement = null; }); return r; });
        elbProxy.Change<DescribeLoadBalancersResponse>("DescribeLoadBalancers", r => { r.LoadBalancers?.ForEach(lb => { lb.State = null; lb.DNSName = null; }); return r; });
        elbProxy.Change<DescribeTargetHealthResponse>("DescribeTargetHealth", r => { r.TargetHealthDescriptions?.ForEach(d => d.TargetHealth = null); return r; });
        var status = await lab.GetStatusAsync();

        Assert.False(status.IsServing);
        Assert.Equal(2, status.Instances.Count);
        Assert.All(status.Instances, i => Assert.Null(i.AvailabilityZone));
        ec2Proxy.Clear();
        elbProxy.Clear();
        await lab.DestroyAsync();
        Assert.True(rig.Inventory.IsEmpty, rig.Inventory.ToString());
    }

    private static async Task<(string Name, string? Problem, string Outcome)> RunAsync(MalformedCase test)
    {
        await using var rig = await CloudRig.StartAsync();
        var ec2 = TamperingProxy<IAmazonEC2>.Wrap(rig.Ec2, out var ec2Proxy);
        var elb = TamperingProxy<IAmazonElasticLoadBalancingV2>.Wrap(rig.Elb, out var elbProxy);
        test.Tamper(ec2Proxy, elbProxy);

        // Waits that can only end in a timeout should end soon, yet leave a loaded 2-core CI room to finish the ones that succeed.
        var lab = rig.Lab("odd").WithAwsClients(ec2, elb)
            .WithTimeouts(t => t with { InstancesRunning = TimeSpan.FromSeconds(5), LoadBalancerActive = TimeSpan.FromSeconds(5), TargetsHealthy = TimeSpan.FromSeconds(5), Teardown = TimeSpan.FromSeconds(10) })
            .Build();
        string outcome;
        try
        {
            await lab.StartAsync();
            if (!test.Completes)
            {
                await lab.DestroyAsync();
                return (test.Name, "the start succeeded", string.Empty);
            }

            await rig.Lab("odd").Build().DestroyAsync();
            outcome = "completed";
        }
        catch (AlbLabException ex) when (!test.Completes)
        {
            var unclear = Unclear(ex);
            if (unclear is not null)
            {
                return (test.Name, unclear, string.Empty);
            }

            if (test.BlindsTeardown && !rig.Inventory.IsEmpty)
            {
                if (!ex.Message.Contains("still there", StringComparison.Ordinal))
                {
                    return (test.Name, "resources were left but the error does not list them: " + ex.Message, string.Empty);
                }

                await rig.Lab("odd").Build().DestroyAsync();
                return rig.Inventory.IsEmpty
                    ? (test.Name, null, $"step {ex.Step}: {ex.InnerException?.Message}; the rollback could not see the instances and listed what is still there; a fresh lab object removed it")
                    : (test.Name, "a fresh lab object could not remove: " + rig.Inventory, string.Empty);
            }

            outcome = $"step {ex.Step}: {ex.InnerException?.Message ?? ex.Message}";
        }
        catch (Exception ex)
        {
            return (test.Name, $"{ex.GetType().Name}: {ex.Message}", string.Empty);
        }

        // Whatever the response hid, nothing may stay behind (a plain lab object cleans up what the odd one could not).
        if (!rig.Inventory.IsEmpty)
        {
            var left = rig.Inventory.ToString();
            await rig.Lab("odd").Build().DestroyAsync();
            return (test.Name, "left behind: " + left, string.Empty);
        }

        return (test.Name, null, outcome);
    }

    private static void AssertClear(Exception ex)
    {
        var unclear = Unclear(ex);
        Assert.True(unclear is null, unclear);
    }

    /// <summary>Why an error is not clear: a NullReferenceException anywhere inside, or an exception without a useful message.</summary>
    private static string? Unclear(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is NullReferenceException or ArgumentNullException or IndexOutOfRangeException or KeyNotFoundException)
            {
                return $"{e.GetType().Name} inside: {e.Message}\n{e.StackTrace}";
            }

            if (string.IsNullOrWhiteSpace(e.Message) || e.Message.StartsWith("Operation is not valid", StringComparison.Ordinal) || e.Message.StartsWith("Sequence contains", StringComparison.Ordinal))
            {
                return $"{e.GetType().Name} without a useful message: '{e.Message}'\n{e.StackTrace}";
            }
        }

        return null;
    }

    private static void ForEachInstance(DescribeInstancesResponse response, Action<Ec2Instance> change)
    {
        foreach (var instance in (response.Reservations ?? []).SelectMany(r => r.Instances ?? []))
        {
            change(instance);
        }
    }
}
