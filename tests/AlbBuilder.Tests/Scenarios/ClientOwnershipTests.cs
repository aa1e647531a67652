using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.Provisioning;
using Amazon.EC2;
using NSubstitute;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// Dispose closes the clients the lab created and never the caller's. An interaction test, so NSubstitute: the
/// public API cannot make a lab own clients that point at LocalCloud (it creates them from a region).
/// </summary>
public sealed class ClientOwnershipTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DisposeAsync_DisposesTheClientsOnlyWhenTheLabOwnsThem(bool owns)
    {
        var ec2 = Substitute.For<IAmazonEC2>();
        var elb = Substitute.For<IAmazonElasticLoadBalancingV2>();
        var services = new LabServices(() => ec2, () => elb, owns, TimeProvider.System);
        var definition = ((AlbLabResource)AlbLab.Create("demo").WithAwsClients(ec2, elb).Build()).Definition;
        var lab = new AlbLabResource(definition, services);
        _ = services.Ec2; // clients are created on first use; dispose only closes created ones
        _ = services.ElasticLoadBalancing;

        await lab.DisposeAsync();

        ec2.Received(owns ? 1 : 0).Dispose();
        elb.Received(owns ? 1 : 0).Dispose();
    }
}
