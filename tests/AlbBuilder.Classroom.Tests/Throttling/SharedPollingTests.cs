using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Classroom.Tests.Throttling;

public sealed class SharedPollingTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
    private readonly SharedClients _clients = new();

    [Fact]
    public async Task DescribeInstances_TwoLabsInOneWindow_OneCall_EachGetsOnlyItsInstances()
    {
        _clients.DescribeInstancesAnswersWhatItIsAsked();

        var first = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-a1", "i-a2"] });
        var second = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-b1"] });
        Assert.Empty(_clients.DescribeInstancesCalls());

        _clients.Time.Advance(SharedClients.Window);

        Assert.Equal(["i-a1", "i-a2"], SharedClients.Ids(await first.WaitAsync(Safety)));
        Assert.Equal(["i-b1"], SharedClients.Ids(await second.WaitAsync(Safety)));
        Assert.Equal([["i-a1", "i-a2", "i-b1"]], _clients.DescribeInstancesCalls());
        var counts = _clients.Shared.Calls.ByAction["EC2:DescribeInstances"];
        Assert.Equal(new ApiCallCount(2, 1, 0), counts);
        Assert.Equal(1, counts.Coalesced);
    }

    [Fact]
    public async Task DescribeInstances_OneReservationOfManyLabs_IsSplitPerCaller()
    {
        _clients.Ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(new DescribeInstancesResponse
        {
            Reservations = [new Reservation { ReservationId = "r-1", OwnerId = "123", Instances = [new Instance { InstanceId = "i-a" }, new Instance { InstanceId = "i-b" }] }],
        });

        var first = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-a"] });
        var second = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-b"] });
        _clients.Time.Advance(SharedClients.Window);

        var reservation = Assert.Single((await first.WaitAsync(Safety)).Reservations);
        Assert.Equal(("r-1", "123"), (reservation.ReservationId, reservation.OwnerId));
        Assert.Equal(["i-a"], reservation.Instances.Select(i => i.InstanceId));
        Assert.Equal(["i-b"], SharedClients.Ids(await second.WaitAsync(Safety)));
    }

    [Fact]
    public async Task DescribeInstances_MoreThan1000Ids_SplitIntoCallsOfAtMost1000()
    {
        _clients.DescribeInstancesAnswersWhatItIsAsked();
        var firstIds = Enumerable.Range(0, 600).Select(i => $"i-a{i}").ToList();
        var secondIds = Enumerable.Range(0, 600).Select(i => $"i-b{i}").ToList();

        var first = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = firstIds });
        var second = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = secondIds });
        _clients.Time.Advance(SharedClients.Window);

        Assert.Equal(firstIds, SharedClients.Ids(await first.WaitAsync(Safety)));
        Assert.Equal(secondIds, SharedClients.Ids(await second.WaitAsync(Safety)));
        Assert.Equal([1000, 200], _clients.DescribeInstancesCalls().Select(ids => ids.Count).Order().Reverse());
    }

    [Fact]
    public async Task DescribeInstances_SharedCallFailsOnAnId_EachCallerGetsItsOwnAnswer()
    {
        _clients.Ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var ids = call.Arg<DescribeInstancesRequest>().InstanceIds;
            return ids.Contains("i-gone")
                ? throw NotFound("i-gone")
                : new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [.. ids.Select(id => new Instance { InstanceId = id })] }] };
        });

        var found = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-a"] });
        var gone = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-gone"] });
        _clients.Time.Advance(SharedClients.Window);

        Assert.Equal(["i-a"], SharedClients.Ids(await found.WaitAsync(Safety)));
        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => gone.WaitAsync(Safety));
        Assert.Equal("InvalidInstanceID.NotFound", error.ErrorCode);
        Assert.Equal([["i-a", "i-gone"], ["i-a"], ["i-gone"]], _clients.DescribeInstancesCalls().OrderBy(ids => ids.Count == 1).ThenBy(ids => ids[0], StringComparer.Ordinal));
    }

    [Fact]
    public async Task DescribeInstances_ACallersInstanceMissingFromTheSharedAnswer_ThatCallerIsAskedAlone()
    {
        // Eventual consistency: a just-launched instance may be missing from a shared answer; alone, EC2 would say NotFound.
        _clients.Ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var ids = call.Arg<DescribeInstancesRequest>().InstanceIds;
            return ids.Count == 1 && ids[0] == "i-new"
                ? throw NotFound("i-new")
                : new DescribeInstancesResponse { Reservations = [new Reservation { Instances = [new Instance { InstanceId = "i-a" }] }] };
        });

        var found = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-a"] });
        var lagging = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-new"] });
        _clients.Time.Advance(SharedClients.Window);

        Assert.Equal(["i-a"], SharedClients.Ids(await found.WaitAsync(Safety)));
        Assert.Equal("InvalidInstanceID.NotFound", (await Assert.ThrowsAsync<AmazonEC2Exception>(() => lagging.WaitAsync(Safety))).ErrorCode);
    }

    [Fact]
    public async Task DescribeInstances_OtherErrors_ReachEveryCaller()
    {
        _clients.Ec2.DescribeInstancesAsync(Arg.Any<DescribeInstancesRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonEC2Exception("denied", ErrorType.Sender, "UnauthorizedOperation", "r", HttpStatusCode.Forbidden));

        var first = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-a"] });
        var second = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-b"] });
        _clients.Time.Advance(SharedClients.Window);

        await Assert.ThrowsAsync<AmazonEC2Exception>(() => first.WaitAsync(Safety));
        await Assert.ThrowsAsync<AmazonEC2Exception>(() => second.WaitAsync(Safety));
        Assert.Single(_clients.DescribeInstancesCalls());
    }

    [Fact]
    public async Task DescribeInstances_WithAFilterOrPaging_IsSentAlone_AtOnce()
    {
        _clients.DescribeInstancesAnswersWhatItIsAsked();
        var filtered = new DescribeInstancesRequest { InstanceIds = ["i-a"], Filters = [new Filter("instance-state-name", ["running"])] };
        var paged = new DescribeInstancesRequest { InstanceIds = ["i-b"], NextToken = "page-2" };

        await _clients.Shared.Ec2.DescribeInstancesAsync(filtered).WaitAsync(Safety);
        await _clients.Shared.Ec2.DescribeInstancesAsync(paged).WaitAsync(Safety);

        await _clients.Ec2.Received(1).DescribeInstancesAsync(filtered, Arg.Any<CancellationToken>());
        await _clients.Ec2.Received(1).DescribeInstancesAsync(paged, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DescribeInstances_ACallerCancels_TheOthersStillGetTheirAnswer()
    {
        _clients.DescribeInstancesAnswersWhatItIsAsked();
        using var cancel = new CancellationTokenSource();

        var cancelled = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-a"] }, cancel.Token);
        var kept = _clients.Shared.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-b"] });
        await cancel.CancelAsync();
        _clients.Time.Advance(SharedClients.Window);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Safety));
        Assert.Equal(["i-b"], SharedClients.Ids(await kept.WaitAsync(Safety)));
    }

    [Fact]
    public async Task DescribeLoadBalancers_ByArns_OneCallOfAtMost20_EachGetsItsOwn()
    {
        _clients.DescribeLoadBalancersAnswersWhatItIsAsked();
        var callers = Enumerable.Range(0, 25)
            .Select(i => (Arn: $"arn:lb/{i}", Task: _clients.Shared.ElasticLoadBalancing.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { LoadBalancerArns = [$"arn:lb/{i}"] })))
            .ToList();

        _clients.Time.Advance(SharedClients.Window);

        foreach (var (arn, task) in callers)
        {
            Assert.Equal(arn, Assert.Single((await task.WaitAsync(Safety)).LoadBalancers).LoadBalancerArn);
        }

        var sent = _clients.Elb.ReceivedCalls().Where(c => c.GetMethodInfo().Name == "DescribeLoadBalancersAsync").Select(c => ((Elb.DescribeLoadBalancersRequest)c.GetArguments()[0]!).LoadBalancerArns.Count).Order();
        Assert.Equal([5, 20], sent);
        Assert.Equal(new ApiCallCount(25, 2, 0), _clients.Shared.Calls.ByAction["ELBv2:DescribeLoadBalancers"]);
    }

    [Fact]
    public async Task DescribeLoadBalancers_SharedCallNotFound_EachCallerGetsItsOwnAnswer()
    {
        _clients.Elb.DescribeLoadBalancersAsync(Arg.Any<Elb.DescribeLoadBalancersRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var arns = call.Arg<Elb.DescribeLoadBalancersRequest>().LoadBalancerArns;
            return arns.Contains("arn:deleted")
                ? throw new Elb.LoadBalancerNotFoundException("One or more load balancers not found", null, ErrorType.Sender, "LoadBalancerNotFound", "r", HttpStatusCode.BadRequest)
                : new Elb.DescribeLoadBalancersResponse { LoadBalancers = [.. arns.Select(arn => new Elb.LoadBalancer { LoadBalancerArn = arn })] };
        });

        var kept = _clients.Shared.ElasticLoadBalancing.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { LoadBalancerArns = ["arn:kept"] });
        var deleted = _clients.Shared.ElasticLoadBalancing.DescribeLoadBalancersAsync(new Elb.DescribeLoadBalancersRequest { LoadBalancerArns = ["arn:deleted"] });
        _clients.Time.Advance(SharedClients.Window);

        Assert.Equal("arn:kept", Assert.Single((await kept.WaitAsync(Safety)).LoadBalancers).LoadBalancerArn);
        Assert.Equal("LoadBalancerNotFound", (await Assert.ThrowsAsync<Elb.LoadBalancerNotFoundException>(() => deleted.WaitAsync(Safety))).ErrorCode);
    }

    [Fact]
    public async Task DescribeLoadBalancers_ByName_IsSentAlone()
    {
        var byName = new Elb.DescribeLoadBalancersRequest { Names = ["lab"] };
        _clients.Elb.DescribeLoadBalancersAsync(byName, Arg.Any<CancellationToken>()).Returns(new Elb.DescribeLoadBalancersResponse());

        await _clients.Shared.ElasticLoadBalancing.DescribeLoadBalancersAsync(byName).WaitAsync(Safety);

        await _clients.Elb.Received(1).DescribeLoadBalancersAsync(byName, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ZeroWindow_SendsEachCallAlone()
    {
        var alone = Classroom.Throttling.ClassroomClients.Wrap(_clients.Ec2, _clients.Elb, AwsRequestRates.Default, _clients.Time, TimeSpan.Zero);
        _clients.DescribeInstancesAnswersWhatItIsAsked();

        await alone.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-a"] }).WaitAsync(Safety);
        await alone.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-b"] }).WaitAsync(Safety);

        Assert.Equal([["i-a"], ["i-b"]], _clients.DescribeInstancesCalls());
    }

    private static AmazonEC2Exception NotFound(string id) =>
        new($"The instance ID '{id}' does not exist", ErrorType.Sender, "InvalidInstanceID.NotFound", "r", HttpStatusCode.BadRequest);
}
