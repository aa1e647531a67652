using System.Collections;
using System.Reflection;
using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Tests.Building;

public sealed class AlbLabConfigurationTests
{
    private static readonly PropertyInfo[] Settings = typeof(AlbLabConfiguration)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.Name != "EqualityContract")
        .ToArray();

    /// <summary>Every setting set (a new property must be added here, which the first test enforces).</summary>
    private static AlbLabConfiguration Full() => new()
    {
        Name = "demo",
        InstanceCount = 3,
        InstanceType = "t3.small",
        ImageId = "ami-0abc1234",
        UserData = "#!/bin/bash\n",
        ListenerPort = 8080,
        TargetPort = 8081,
        HealthCheck = HealthCheckSettings.LabDefault with { Path = "/health" },
        DeregistrationDelay = TimeSpan.FromSeconds(5),
        VpcId = "vpc-0abc1234",
        SubnetIds = ["subnet-0aaaaaaa", "subnet-0bbbbbbb"],
        Tags = [new("team", "platform")],
        ReservedTags = [new("albbuilder:class", "physics")],
        Timeouts = LabTimeouts.Default with { Teardown = TimeSpan.FromMinutes(1) },
        CleanUp = false,
        TimeToLive = TimeSpan.FromHours(1),
        PollInterval = TimeSpan.FromMilliseconds(250),
        DirectInstanceAccessCidr = "203.0.113.7/32",
        RunInstancesCustomizations = [(RunInstancesRequest _) => { }],
        Clients = new LabClients(() => Substitute.For<IAmazonEC2>(), () => Substitute.For<IAmazonElasticLoadBalancingV2>()),
        Region = RegionEndpoint.EUWest1,
        TimeProvider = new FakeTimeProvider(),
        LoggerFactory = Substitute.For<ILoggerFactory>(),
        TrafficHandler = new HttpClientHandler(),
    };

    [Fact]
    public void Full_SetsEverySetting()
    {
        var full = Full();

        Assert.All(Settings, p => Assert.False(IsUnset(p.GetValue(full)), p.Name + " is not set in Full()"));
    }

    [Fact]
    public void Merge_IntoEmpty_CarriesEverySetting()
    {
        var full = Full();

        var merged = AlbLabConfiguration.Merge(AlbLabConfiguration.Empty, full);

        Assert.All(Settings, p => AssertSameValue(p.GetValue(full), p.GetValue(merged), p.Name));
    }

    [Fact]
    public void Merge_AnEmptyChange_KeepsEverySetting()
    {
        var full = Full();

        var merged = AlbLabConfiguration.Merge(full, AlbLabConfiguration.Empty);

        Assert.All(Settings, p => AssertSameValue(p.GetValue(full), p.GetValue(merged), p.Name));
    }

    [Fact]
    public void Merge_TwoFullConfigurations_AppendsListsAndReplacesTheRest()
    {
        var first = Full();
        var second = Full() with { InstanceCount = 7, SubnetIds = ["subnet-0ccccccc", "subnet-0dddddddd"] };

        var merged = AlbLabConfiguration.Merge(first, second);

        Assert.Equal(7, merged.InstanceCount);
        Assert.Equal(new[] { "subnet-0ccccccc", "subnet-0dddddddd" }, merged.SubnetIds!.Value.ToArray());
        Assert.Equal([.. first.Tags, .. second.Tags], merged.Tags);
        Assert.Equal([.. first.ReservedTags, .. second.ReservedTags], merged.ReservedTags);
        Assert.Equal([.. first.RunInstancesCustomizations, .. second.RunInstancesCustomizations], merged.RunInstancesCustomizations);
        Assert.Same(second.TimeProvider, merged.TimeProvider);
        Assert.Same(second.Clients, merged.Clients);
    }

    private static bool IsUnset(object? value) => value switch
    {
        null => true,
        IEnumerable items and not string => !items.Cast<object>().Any(),
        _ => false,
    };

    private static void AssertSameValue(object? expected, object? actual, string name)
    {
        if (expected is IEnumerable expectedItems and not string)
        {
            Assert.True(
                expectedItems.Cast<object>().SequenceEqual(((IEnumerable)actual!).Cast<object>()),
                name + " differs");
            return;
        }

        Assert.True(Equals(expected, actual), name + " differs");
    }
}
