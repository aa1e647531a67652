using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;

namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// Signatures as AWS checks them (issue 12, item 8): a lab whose clients sign for another region than the endpoint
/// serves is refused by the service, so the lab fails at its first call with the service's error and creates nothing.
/// Without LocalCloud's credential-scope check the same lab would start (the test fails then).
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class SignatureScenarioTests
{
    [Fact]
    public async Task StartAsync_ClientsSignedForAnotherRegion_FailsAtTheFirstCallAndCreatesNothing()
    {
        await using var env = await LabCloud.StartAsync();
        using var ec2 = new AmazonEC2Client(env.Cloud.Credentials, WrongRegion(env.Cloud.ConfigureEc2(new AmazonEC2Config())));
        using var elb = new AmazonElasticLoadBalancingV2Client(
            env.Cloud.Credentials, WrongRegion(env.Cloud.ConfigureElasticLoadBalancingV2(new AmazonElasticLoadBalancingV2Config())));
        await using var lab = env.Lab("signed-elsewhere").WithAwsClients(ec2, elb).Build();

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => lab.StartAsync());

        Assert.Equal(LabStep.FindExistingLab, ex.Step);
        var service = Assert.IsAssignableFrom<Amazon.Runtime.AmazonServiceException>(ex.InnerException);
        Assert.Equal("SignatureDoesNotMatch", service.ErrorCode);
        Assert.Contains("Nothing had been created", ex.Message, StringComparison.Ordinal);
        LabAssert.NothingCreated(ex);
        Assert.True(env.Cloud.GetInventory().IsEmpty);
    }

    [Fact]
    public async Task StartAsync_ClientsSignedForTheEndpointsRegion_Start()
    {
        await using var env = await LabCloud.StartAsync();
        await using var lab = env.Lab("signed-here").Build();

        await lab.StartAsync();

        Assert.Equal(LabState.Running, lab.State);
    }

    private static T WrongRegion<T>(T config)
        where T : Amazon.Runtime.ClientConfig
    {
        config.AuthenticationRegion = LabCloud.Region == "us-west-2" ? "eu-central-1" : "us-west-2";
        return config;
    }
}
