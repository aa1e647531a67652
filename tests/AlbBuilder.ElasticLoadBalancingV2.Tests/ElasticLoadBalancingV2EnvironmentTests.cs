using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;
using AlbBuilder.Testing;
using Amazon;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests;

/// <summary>Credentials and endpoints from the standard environment variables, through the SDK's own chains.</summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class ElasticLoadBalancingV2EnvironmentTests
{
    private const string EnvAccessKey = "AKIDFROMENVIRONMENT";
    private const string EnvSecretKey = "secret/from+environment";

    [Fact]
    public async Task Credentials_FromEnvironmentVariables_UsedToSign()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse("DescribeLoadBalancers")));
        using var env = new EnvironmentScope(
            ("AWS_ACCESS_KEY_ID", EnvAccessKey),
            ("AWS_SECRET_ACCESS_KEY", EnvSecretKey),
            ("AWS_SESSION_TOKEN", null),
            ("AWS_PROFILE", null));
        using var client = new AmazonElasticLoadBalancingV2Client(ElbTestClients.LoopbackConfig(server, "eu-central-1"));

        await client.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest());

        var request = Assert.Single(server.Requests);
        var authorization = SigV4Verifier.Parse(request.Header("Authorization")!);
        Assert.Equal(EnvAccessKey, authorization.AccessKeyId);
        Assert.Equal("eu-central-1", authorization.Region);
        Assert.Equal(SigV4Verifier.ComputeSignature(request, EnvSecretKey), authorization.Signature);
        Assert.Null(request.Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task Credentials_SessionTokenInEnvironment_SentAndSigned()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse("DescribeLoadBalancers")));
        using var env = new EnvironmentScope(
            ("AWS_ACCESS_KEY_ID", EnvAccessKey),
            ("AWS_SECRET_ACCESS_KEY", EnvSecretKey),
            ("AWS_SESSION_TOKEN", "session-token-123"),
            ("AWS_PROFILE", null));
        using var client = new AmazonElasticLoadBalancingV2Client(ElbTestClients.LoopbackConfig(server));

        await client.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest());

        var request = Assert.Single(server.Requests);
        Assert.Equal("session-token-123", request.Header("X-Amz-Security-Token"));
        Assert.Equal(SigV4Verifier.ComputeSignature(request, EnvSecretKey), SigV4Verifier.Parse(request.Header("Authorization")!).Signature);
    }

    [Fact]
    public async Task EndpointVariable_WithRegionEndpoint_SendsThereAndSignsForConfiguredRegion()
    {
        await using var server = new LoopbackServer(_ => CannedResponse.Xml(ElbTestClients.EmptyResponse("DescribeTargetGroups")));
        using var env = new EnvironmentScope(("AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2", server.Url));
        var config = new AmazonElasticLoadBalancingV2Config
        {
            RegionEndpoint = RegionEndpoint.APNortheast1,
            MaxErrorRetry = 0,
        };
        using var client = new AmazonElasticLoadBalancingV2Client(new Amazon.Runtime.BasicAWSCredentials(ElbTestClients.AccessKey, ElbTestClients.SecretKey), config);

        await client.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest());

        Assert.Equal(server.Url, config.ServiceURL.TrimEnd('/'));
        var request = Assert.Single(server.Requests);
        var authorization = SigV4Verifier.Parse(request.Header("Authorization")!);
        // Without the client's fix the SDK would derive the region from the host 127.0.0.1.
        Assert.Equal("ap-northeast-1", authorization.Region);
        Assert.Equal(SigV4Verifier.ComputeSignature(request, ElbTestClients.SecretKey), authorization.Signature);
    }

    [Fact]
    public void EndpointVariable_Unset_NoServiceUrl()
    {
        using var env = new EnvironmentScope(("AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2", null), ("AWS_ENDPOINT_URL", null));
        var config = new AmazonElasticLoadBalancingV2Config { RegionEndpoint = RegionEndpoint.USWest2 };

        Assert.Null(config.ServiceURL);
    }
}
