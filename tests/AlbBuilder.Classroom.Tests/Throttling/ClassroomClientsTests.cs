using System.Net;
using AlbBuilder.Classroom.Throttling;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Elb = AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.Classroom.Tests.Throttling;

public sealed class ClassroomClientsTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
    private readonly SharedClients _clients = new();

    [Fact]
    public async Task EveryCall_ReachesTheClientUnchanged_AndIsCounted()
    {
        var create = new CreateSecurityGroupRequest { GroupName = "lab" };
        var created = new CreateSecurityGroupResponse { GroupId = "sg-1" };
        _clients.Ec2.CreateSecurityGroupAsync(create, Arg.Any<CancellationToken>()).Returns(created);
        var health = new Elb.DescribeTargetHealthRequest { TargetGroupArn = "tg" };
        var healthy = new Elb.DescribeTargetHealthResponse { TargetHealthDescriptions = [] };
        _clients.Elb.DescribeTargetHealthAsync(health, Arg.Any<CancellationToken>()).Returns(healthy);
        using var cancel = new CancellationTokenSource();

        Assert.Same(created, await _clients.Shared.Ec2.CreateSecurityGroupAsync(create, cancel.Token));
        Assert.Same(healthy, await _clients.Shared.ElasticLoadBalancing.DescribeTargetHealthAsync(health, cancel.Token));

        await _clients.Ec2.Received(1).CreateSecurityGroupAsync(create, cancel.Token);
        await _clients.Elb.Received(1).DescribeTargetHealthAsync(health, cancel.Token);
        var calls = _clients.Shared.Calls;
        Assert.Equal(new ApiCallCount(1, 1, 0), calls.ByAction["EC2:CreateSecurityGroup"]);
        Assert.Equal(new ApiCallCount(1, 1, 0), calls.ByAction["ELBv2:DescribeTargetHealth"]);
        Assert.Equal(2, calls.Sent);
    }

    [Fact]
    public void NonAsyncMembers_PassThrough()
    {
        var config = new AmazonEC2Config();
        _clients.Ec2.Config.Returns(config);

        Assert.Same(config, _clients.Shared.Ec2.Config);
        _clients.Shared.ElasticLoadBalancing.Dispose();
        _clients.Elb.Received(1).Dispose();
    }

    [Fact]
    public async Task ErrorsOfTheClient_ReachTheCaller()
    {
        _clients.Ec2.CreateTagsAsync(Arg.Any<CreateTagsRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AmazonEC2Exception("no", ErrorType.Sender, "InvalidParameterValue", "r", HttpStatusCode.BadRequest));
        _clients.Ec2.DeleteTagsAsync(Arg.Any<DeleteTagsRequest>(), Arg.Any<CancellationToken>())
            .Throws(new InvalidOperationException("thrown before any task"));

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => _clients.Shared.Ec2.CreateTagsAsync(new CreateTagsRequest()));
        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _clients.Shared.Ec2.DeleteTagsAsync(new DeleteTagsRequest()));
    }

    [Fact]
    public async Task ThrottlingErrorsThatSurface_AreCounted()
    {
        _clients.Elb.RegisterTargetsAsync(Arg.Any<Elb.RegisterTargetsRequest>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new AlbBuilder.ElasticLoadBalancingV2.AmazonElasticLoadBalancingV2Exception("Rate exceeded", null, ErrorType.Sender, "Throttling", "r", HttpStatusCode.BadRequest));

        await Assert.ThrowsAnyAsync<AmazonServiceException>(() => _clients.Shared.ElasticLoadBalancing.RegisterTargetsAsync(new Elb.RegisterTargetsRequest()));

        Assert.Equal(1, _clients.Shared.Calls.Throttled);
    }

    [Fact]
    public async Task EachCall_TakesAToken_SoTheCallBeyondTheBurstWaitsForTheRefill()
    {
        _clients.Ec2.CreateTagsAsync(Arg.Any<CreateTagsRequest>(), Arg.Any<CancellationToken>()).Returns(new CreateTagsResponse());

        // EC2's mutating bucket: 50 tokens, refilled at 90 % of 5 per second.
        var calls = Enumerable.Range(0, 51).Select(_ => _clients.Shared.Ec2.CreateTagsAsync(new CreateTagsRequest())).ToList();
        await Task.WhenAll(calls.Take(50)).WaitAsync(Safety);
        Assert.False(calls[50].IsCompleted);
        await _clients.Ec2.Received(50).CreateTagsAsync(Arg.Any<CreateTagsRequest>(), Arg.Any<CancellationToken>());

        _clients.Time.Advance(TimeSpan.FromSeconds(1 / 4.5));
        await calls[50].WaitAsync(Safety);
        await _clients.Ec2.Received(51).CreateTagsAsync(Arg.Any<CreateTagsRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task WaitingForAToken_IsCancellable()
    {
        _clients.Ec2.CreateTagsAsync(Arg.Any<CreateTagsRequest>(), Arg.Any<CancellationToken>()).Returns(new CreateTagsResponse());
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _clients.Shared.Ec2.CreateTagsAsync(new CreateTagsRequest()))).WaitAsync(Safety);
        using var cancel = new CancellationTokenSource();

        var waiting = _clients.Shared.Ec2.CreateTagsAsync(new CreateTagsRequest(), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Safety));
        await _clients.Ec2.Received(50).CreateTagsAsync(Arg.Any<CreateTagsRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Buckets_AreSharedByEveryClassroomOfTheProcess()
    {
        _clients.Ec2.CreateTagsAsync(Arg.Any<CreateTagsRequest>(), Arg.Any<CancellationToken>()).Returns(new CreateTagsResponse());
        var other = ClassroomClients.Wrap(_clients.Ec2, _clients.Elb, AwsRequestRates.Default, _clients.Time);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _clients.Shared.Ec2.CreateTagsAsync(new CreateTagsRequest()))).WaitAsync(Safety);
        var beyond = other.Ec2.CreateTagsAsync(new CreateTagsRequest());

        Assert.False(beyond.IsCompleted);
        _clients.Time.Advance(TimeSpan.FromSeconds(1));
        await beyond.WaitAsync(Safety);
    }
}
