using AlbBuilder.Classroom.Running;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Classroom.Tests;

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
    public void Clock_IsTheTemplates()
    {
        var time = new FakeTimeProvider();
        var services = new ClassroomServices(
            AlbLab.Create().WithAwsClients(Substitute.For<IAmazonEC2>(), Substitute.For<IAmazonElasticLoadBalancingV2>()).WithTimeProvider(time), AwsRequestRates.Default);

        Assert.Same(time, services.TimeProvider);
    }
}
