using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.Provisioning;
using AlbBuilder.Testing;
using Amazon;
using Amazon.EC2;
using Microsoft.Extensions.DependencyInjection;

namespace AlbBuilder.Tests.Building;

/// <summary>
/// The clients the lab (or the container) creates itself. AWSSDK v4 resolves credentials when a client is
/// constructed, down to EC2 instance metadata; fake environment credentials stop the chain before that.
/// </summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class DefaultClientsTests
{
    private static EnvironmentScope FakeCredentials() => new(
        ("AWS_ACCESS_KEY_ID", "AKIDDEFAULTCLIENTS"),
        ("AWS_SECRET_ACCESS_KEY", "not-a-secret"),
        ("AWS_SESSION_TOKEN", null),
        ("AWS_PROFILE", null),
        ("AWS_EC2_METADATA_DISABLED", "true"));

    [Fact]
    public async Task Lab_DefaultClients_CreatedOnFirstUse_InTheGivenRegion_AndOwnedByTheLab()
    {
        using var env = FakeCredentials();
        var lab = (AlbLabResource)AlbLab.Create("demo").WithRegion(RegionEndpoint.EUWest2).Build();
        Assert.False(lab.Services.AreClientsCreated);

        var ec2 = Assert.IsType<AmazonEC2Client>(lab.Services.Ec2);
        var elb = Assert.IsType<AmazonElasticLoadBalancingV2Client>(lab.Services.ElasticLoadBalancing);

        Assert.True(lab.Services.AreClientsCreated);
        Assert.True(lab.Services.OwnsClients);
        Assert.Equal(RegionEndpoint.EUWest2, ec2.Config.RegionEndpoint);
        Assert.Equal(RegionEndpoint.EUWest2, elb.Config.RegionEndpoint);
        await lab.DisposeAsync();
    }

    [Fact]
    public void Container_DefaultClients_UseTheOptionsRegion()
    {
        using var env = FakeCredentials();
        using var provider = new ServiceCollection().AddAlbBuilder(o => o.Region = "ap-southeast-2").Services.BuildServiceProvider();

        var ec2 = Assert.IsType<AmazonEC2Client>(provider.GetRequiredService<IAmazonEC2>());
        var elb = Assert.IsType<AmazonElasticLoadBalancingV2Client>(provider.GetRequiredService<IAmazonElasticLoadBalancingV2>());

        Assert.Equal(RegionEndpoint.APSoutheast2, ec2.Config.RegionEndpoint);
        Assert.Equal(RegionEndpoint.APSoutheast2, elb.Config.RegionEndpoint);
    }
}
