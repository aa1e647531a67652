using AlbBuilder.Classroom.Running;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Microsoft.Extensions.Time.Testing;
using AlbBuilder.Testing;
using NSubstitute;

namespace AlbBuilder.Classroom.Tests;

[Collection(AlbBuilder.Testing.EnvironmentVariableCollection.Name)]
public sealed class ClassroomServicesTests
{
    [Fact]
    public async Task Clients_AskedByManyLabsAtOnce_AreWrappedOnce()
    {
        var services = new ClassroomServices(AlbLab.Create().WithAwsClients(Substitute.For<IAmazonEC2>(), Substitute.For<IAmazonElasticLoadBalancingV2>()), AwsRequestRates.Default);

        var clients = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => services.Clients)));

        Assert.All(clients, c => Assert.Same(clients[0], c));
    }

    [Fact]
    public void Clients_TemplateWithoutClients_ClassroomCreatesAdaptiveOnesForItsRegionAndDisposesThem()
    {
        // Fake credentials and no instance metadata: the clients are only built here, never called.
        using var environment = new EnvironmentScope(
            ("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKEFAKE"), ("AWS_SECRET_ACCESS_KEY", "fake"), ("AWS_EC2_METADATA_DISABLED", "true"));
        var services = new ClassroomServices(AlbLab.Create().WithRegion(Amazon.RegionEndpoint.EUWest2), AwsRequestRates.Default);

        var clients = services.Clients;

        Assert.Equal((Amazon.Runtime.RequestRetryMode.Adaptive, "eu-west-2"), (clients.Ec2.Config.RetryMode, clients.Ec2.Config.RegionEndpoint.SystemName));
        Assert.Equal((Amazon.Runtime.RequestRetryMode.Adaptive, "eu-west-2"), (clients.ElasticLoadBalancing.Config.RetryMode, clients.ElasticLoadBalancing.Config.RegionEndpoint.SystemName));
        services.DisposeOwnedClients();
    }

    [Fact]
    public void Clients_UsersClients_AreKeptAsTheyAre()
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var services = new ClassroomServices(AlbLab.Create().WithAwsClients(ec2, Substitute.For<IAmazonElasticLoadBalancingV2>()), AwsRequestRates.Default);

        Assert.Same(ec2.Config, services.Clients.Ec2.Config);
        services.DisposeOwnedClients();

        ec2.DidNotReceive().Dispose();
    }

    [Theory]
    [InlineData(5000, 1000)]
    [InlineData(100, 20)]
    public void BatchWindow_IsAFifthOfTheTemplatesPollInterval(int pollMilliseconds, int windowMilliseconds)
    {
        var services = new ClassroomServices(
            AlbLab.Create().WithAwsClients(Substitute.For<IAmazonEC2>(), Substitute.For<IAmazonElasticLoadBalancingV2>()).WithPolling(TimeSpan.FromMilliseconds(pollMilliseconds)),
            AwsRequestRates.Default);

        Assert.Equal(TimeSpan.FromMilliseconds(windowMilliseconds), services.BatchWindow);
    }

    [Fact]
    public void Clock_IsTheTemplates()
    {
        var time = new FakeTimeProvider();
        var services = new ClassroomServices(
            AlbLab.Create().WithAwsClients(Substitute.For<IAmazonEC2>(), Substitute.For<IAmazonElasticLoadBalancingV2>()).WithTimeProvider(time), AwsRequestRates.Default);

        Assert.Same(time, services.TimeProvider);
    }
}
