using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>The five SDK defaults modes; AWSSDK.Core throws if a client config's provider lacks any of them.</summary>
/// <remarks>Values mirror the generated defaults of the official AWS SDK for .NET service clients.</remarks>
internal static class ElasticLoadBalancingV2DefaultConfiguration
{
    public static IDefaultConfiguration Standard { get; } = Create(DefaultConfigurationMode.Standard, 3100);

    public static IDefaultConfiguration InRegion { get; } = Create(DefaultConfigurationMode.InRegion, 1100);

    public static IDefaultConfiguration CrossRegion { get; } = Create(DefaultConfigurationMode.CrossRegion, 3100);

    public static IDefaultConfiguration Mobile { get; } = Create(DefaultConfigurationMode.Mobile, 30000);

    public static IDefaultConfiguration Auto { get; } = Create(DefaultConfigurationMode.Auto, 1100);

    public static IReadOnlyList<IDefaultConfiguration> GetAllConfigurations() =>
        [Standard, InRegion, CrossRegion, Mobile, Auto];

    private static DefaultConfiguration Create(DefaultConfigurationMode mode, int connectTimeoutMilliseconds) => new()
    {
        Name = mode,
        RetryMode = RequestRetryMode.Standard,
        S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
        ConnectTimeout = TimeSpan.FromMilliseconds(connectTimeoutMilliseconds),
        TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectTimeoutMilliseconds),
        TimeToFirstByteTimeout = null,
        HttpRequestTimeout = null,
    };
}
