using System.Net;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Protocol;
using AlbBuilder.LocalCloud.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.LocalCloud.Tests.Internals;

/// <summary>Rules the public API cannot reach (LocalCloud has one subnet per zone), tested on the state model.</summary>
public sealed class Elbv2ApiTests : IDisposable
{
    private readonly LifeCycleScheduler _scheduler = new(new FakeTimeProvider(), NullLogger.Instance);
    private readonly CloudState _state;
    private readonly Elbv2Api _api;

    public Elbv2ApiTests()
    {
        _state = new CloudState("us-east-1", new FakeTimeProvider(), LatencyProfile.Realistic(1), _scheduler);
        _api = new Elbv2Api(_state, new NoHealth());
    }

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public void CreateLoadBalancer_TwoSubnetsInOneZone_InvalidConfigurationRequest()
    {
        var first = _state.Subnets.Values.First(s => s.AvailabilityZone == "us-east-1a");
        var second = new Subnet
        {
            Id = "subnet-0aaaaaaaaaaaaaaaa",
            VpcId = first.VpcId,
            AvailabilityZone = "us-east-1a",
            AvailabilityZoneId = first.AvailabilityZoneId,
            Network = IPAddress.Parse("172.31.48.0"),
        };
        _state.Subnets[second.Id] = second;
        var third = _state.Subnets.Values.First(s => s.AvailabilityZone == "us-east-1b");

        var error = Assert.Throws<AwsServiceError>(() => _api.Handle("CreateLoadBalancer", Query(
            ("Name", "lb"),
            ("Subnets.member.1", first.Id),
            ("Subnets.member.2", second.Id),
            ("Subnets.member.3", third.Id))));

        Assert.Equal("InvalidConfigurationRequest", error.Code);
        Assert.Empty(_state.LoadBalancers);
    }

    [Fact]
    public void QueryParameters_NestedListsAndStructs()
    {
        // Lists are 1…N without gaps (a gap is rejected: Hardening/ValidationGapTests); order is numeric, not textual.
        var subnets = Enumerable.Range(1, 10).Reverse().Select(i => ($"Subnets.member.{i}", $"s-{i}"));
        var query = Query([
            ("Targets.member.2.Id", "i-2"),
            ("Targets.member.1.Id", "i-1"),
            ("Targets.member.1.Port", "8080"),
            ("Matcher.HttpCode", "200-299"),
            .. subnets]);

        var targets = query.GetStructList("Targets.member");

        Assert.Equal(["i-1", "i-2"], targets.Select(t => t.Get("Id")));
        Assert.Equal("8080", targets[0].Get("Port"));
        Assert.Null(targets[1].Get("Port"));
        Assert.Equal("200-299", query.GetStruct("Matcher")!.Get("HttpCode"));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"s-{i}"), query.GetList("Subnets.member"));
    }

    [Theory]
    [InlineData("200", true)]
    [InlineData("200,202", true)]
    [InlineData("200-299", true)]
    [InlineData("499", true)]
    [InlineData("299-200", false)]
    [InlineData("199", false)]
    [InlineData("500", false)]
    [InlineData("2xx", false)]
    public void MatcherIsValid_AwsRange(string matcher, bool valid) => Assert.Equal(valid, Elbv2Api.MatcherIsValid(matcher));

    private static QueryParameters Query(params (string Key, string Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));

    private sealed class NoHealth : ITargetHealthSource
    {
        public TargetHealthView? GetCheckedHealth(string targetGroupArn, TargetKey target) => null;
    }
}
