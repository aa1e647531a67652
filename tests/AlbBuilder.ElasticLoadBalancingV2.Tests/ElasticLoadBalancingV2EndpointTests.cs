using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Testing;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests;

/// <summary>
/// Endpoints per endpoint-rule-set-1.json, resolved without any network: through the config's resolver and through the
/// real pipeline, stopped in the before-request event (after endpoint resolution, before signing and sending).
/// </summary>
[Collection(EnvironmentVariableCollection.Name)]
public sealed class ElasticLoadBalancingV2EndpointTests
{
    public static TheoryData<string, bool, bool, string> Cases => new()
    {
        { "us-west-2", false, false, "https://elasticloadbalancing.us-west-2.amazonaws.com" },
        { "eu-west-1", false, false, "https://elasticloadbalancing.eu-west-1.amazonaws.com" },
        { "us-east-1", true, false, "https://elasticloadbalancing-fips.us-east-1.amazonaws.com" },
        { "us-gov-west-1", false, false, "https://elasticloadbalancing.us-gov-west-1.amazonaws.com" },
        { "us-gov-west-1", true, false, "https://elasticloadbalancing.us-gov-west-1.amazonaws.com" },
        { "us-gov-east-1", true, true, "https://elasticloadbalancing-fips.us-gov-east-1.api.aws" },
        { "cn-north-1", false, false, "https://elasticloadbalancing.cn-north-1.amazonaws.com.cn" },
        { "cn-northwest-1", false, true, "https://elasticloadbalancing.cn-northwest-1.api.amazonwebservices.com.cn" },
        { "us-east-1", false, true, "https://elasticloadbalancing.us-east-1.api.aws" },
        { "us-east-1", true, true, "https://elasticloadbalancing-fips.us-east-1.api.aws" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DetermineServiceOperationEndpoint_Region_MatchesRuleSet(string region, bool fips, bool dualStack, string expected)
    {
        using var env = NoEndpointOverrides();
        var config = new AmazonElasticLoadBalancingV2Config
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(region),
            UseFIPSEndpoint = fips,
            UseDualstackEndpoint = dualStack,
        };

        var endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new DescribeLoadBalancersRequest()));

        Assert.Equal(expected, endpoint.URL.TrimEnd('/'));
    }

    [Theory]
    [InlineData("us-west-2", false, false, "https://elasticloadbalancing.us-west-2.amazonaws.com/")]
    [InlineData("us-gov-west-1", true, false, "https://elasticloadbalancing.us-gov-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", false, false, "https://elasticloadbalancing.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-east-1", false, true, "https://elasticloadbalancing.us-east-1.api.aws/")]
    public async Task Pipeline_Region_ResolvesEndpointBeforeSending(string region, bool fips, bool dualStack, string expected)
    {
        using var env = NoEndpointOverrides();
        var config = new AmazonElasticLoadBalancingV2Config
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(region),
            UseFIPSEndpoint = fips,
            UseDualstackEndpoint = dualStack,
            MaxErrorRetry = 0,
        };
        using var client = new AmazonElasticLoadBalancingV2Client(new BasicAWSCredentials("AKID", "SECRET"), config);
        Uri? resolved = null;
        client.BeforeRequestEvent += (_, args) =>
        {
            resolved = ((WebServiceRequestEventArgs)args).Endpoint;
            throw new EndpointCaptured();
        };

        await Assert.ThrowsAsync<EndpointCaptured>(() => client.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest()));

        Assert.Equal(new Uri(expected), resolved);
    }

    [Fact]
    public void DetermineServiceOperationEndpoint_ServiceUrl_UsedAsIs()
    {
        using var env = NoEndpointOverrides();
        var config = new AmazonElasticLoadBalancingV2Config { ServiceURL = "http://127.0.0.1:4566", AuthenticationRegion = "eu-west-1" };

        var endpoint = config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new DescribeTagsRequest()));

        Assert.Equal("http://127.0.0.1:4566", endpoint.URL.TrimEnd('/'));
    }

    [Fact]
    public void DetermineServiceOperationEndpoint_FipsWithServiceUrl_Rejected()
    {
        using var env = NoEndpointOverrides();
        var config = new AmazonElasticLoadBalancingV2Config
        {
            ServiceURL = "http://127.0.0.1:4566",
            AuthenticationRegion = "eu-west-1",
            UseFIPSEndpoint = true,
        };

        var exception = Assert.Throws<AmazonClientException>(
            () => config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new DescribeTagsRequest())));

        Assert.Contains("FIPS and custom endpoint", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_ServiceIdentity_MatchesServiceModel()
    {
        var config = new AmazonElasticLoadBalancingV2Config();

        Assert.Equal("Elastic Load Balancing v2", config.ServiceId);
        Assert.Equal("elasticloadbalancing", config.RegionEndpointServiceName);
        Assert.Equal("elasticloadbalancing", config.AuthenticationServiceName);
        Assert.Equal("2015-12-01", config.ServiceVersion);
    }

    [Theory]
    [InlineData(DefaultConfigurationMode.Standard)]
    [InlineData(DefaultConfigurationMode.InRegion)]
    [InlineData(DefaultConfigurationMode.CrossRegion)]
    [InlineData(DefaultConfigurationMode.Mobile)]
    public void Config_ExplicitDefaultsMode_Supported(DefaultConfigurationMode mode)
    {
        var config = new AmazonElasticLoadBalancingV2Config
        {
            RegionEndpoint = RegionEndpoint.USWest2,
            DefaultConfigurationMode = mode,
        };

        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
        Assert.True(config.Timeout is null || config.Timeout > TimeSpan.Zero);
    }

    [Fact]
    public void DefaultConfiguration_OfferedModes_AreAllFive()
    {
        // Resolving Auto would probe instance metadata over the network, so only check that it is offered.
        var modes = AlbBuilder.ElasticLoadBalancingV2.Internal.ElasticLoadBalancingV2DefaultConfiguration.GetAllConfigurations()
            .Select(c => c.Name)
            .Order();

        Assert.Equal(Enum.GetValues<DefaultConfigurationMode>().Order(), modes);
    }

    private static EnvironmentScope NoEndpointOverrides() =>
        new(("AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2", null), ("AWS_ENDPOINT_URL", null));

    private sealed class EndpointCaptured : Exception;
}
