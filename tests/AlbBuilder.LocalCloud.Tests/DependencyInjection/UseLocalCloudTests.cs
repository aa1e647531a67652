using System.Diagnostics;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlbBuilder.LocalCloud.Tests.DependencyInjection;

/// <summary><c>AddAlbBuilder(…).UseLocalCloud(cloud)</c>: labs from <see cref="IAlbLabFactory"/> run on LocalCloud end to end.</summary>
public sealed class UseLocalCloudTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Factory_UseLocalCloud_LabStartsServesEveryRequestAndIsTornDown()
    {
        await using var cloud = await LocalCloud.StartAsync();
        var services = new ServiceCollection();
        services.AddAlbBuilder(o => o.InstanceCount = 2).UseLocalCloud(cloud);
        await using var provider = services.BuildServiceProvider();
        var lab = provider.GetRequiredService<IAlbLabFactory>().Create("di-lab").Build();
        var clock = Stopwatch.StartNew();

        await lab.StartAsync();
        var startSeconds = clock.Elapsed.TotalSeconds;
        var traffic = await lab.VerifyTrafficAsync();
        await lab.DestroyAsync();

        output.WriteLine($"start: {startSeconds:F1} s; {traffic}");
        // The default 5 s polling makes this start take over 5 s (6.6 s measured); LocalCloud's polling takes about 1 s.
        Assert.True(startSeconds < 5, $"start took {startSeconds:F1} s: the lab did not get LocalCloud's polling");
        Assert.True(traffic.AllSucceeded, traffic.ToString());
        Assert.Equal(20, traffic.Succeeded);
        Assert.Equal(2, traffic.DistinctBackends);
        Assert.Equal(LabState.Destroyed, lab.State);
        Assert.True(cloud.GetInventory().IsEmpty, cloud.GetInventory().ToString());
    }

    [Fact]
    public async Task UseLocalCloud_ContainerClientsAreTheClouds_AndTheContainerDoesNotDisposeThem()
    {
        await using var cloud = await LocalCloud.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IAmazonEC2>(_ => throw new InvalidOperationException("replaced by UseLocalCloud"));
        services.AddAlbBuilder().UseLocalCloud(cloud);

        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Same(cloud.SharedEc2Client, provider.GetRequiredService<IAmazonEC2>());
            Assert.Same(cloud.SharedElasticLoadBalancingV2Client, provider.GetRequiredService<IAmazonElasticLoadBalancingV2>());
        }

        var vpcs = await cloud.SharedEc2Client.DescribeVpcsAsync(new Amazon.EC2.Model.DescribeVpcsRequest());
        Assert.NotEmpty(vpcs.Vpcs);
    }
}
