using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.Provisioning;
using Amazon.EC2;
using Amazon.Runtime;
using NSubstitute;

namespace AlbBuilder.Tests.Provisioning;

public sealed class ClientCreationTests
{
    [Fact]
    public async Task StartAsync_ClientCreationFails_ThrowsLabExceptionAndLeavesLabFailed()
    {
        var services = new LabServices(
            () => throw new AmazonClientException("Failed to resolve AWS credentials."),
            () => Substitute.For<IAmazonElasticLoadBalancingV2>(),
            ownsClients: true);
        await using var lab = new AlbLabResource(AlbLab.Create("demo").BuildDefinition(), services);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.CreateClients, ex.Step);
        Assert.IsType<AmazonClientException>(ex.InnerException);
        Assert.Contains("credentials", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing had been created", ex.Message, StringComparison.Ordinal);
        Assert.Equal(LabState.Failed, lab.State);
    }

    [Fact]
    public void Clients_FailedCreation_IsNotCached()
    {
        var attempts = 0;
        var ec2 = Substitute.For<IAmazonEC2>();
        var services = new LabServices(
            () => ++attempts == 1 ? throw new AmazonClientException("not yet") : ec2,
            () => Substitute.For<IAmazonElasticLoadBalancingV2>(),
            ownsClients: false);

        Assert.Throws<AmazonClientException>(() => services.Ec2);

        Assert.Same(ec2, services.Ec2);
        Assert.Equal(2, attempts);
    }
}
