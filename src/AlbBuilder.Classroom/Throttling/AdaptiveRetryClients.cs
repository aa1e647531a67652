using AlbBuilder.ElasticLoadBalancingV2;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>
/// Creates the clients a classroom owns (when it is given a region, or a configuration and credentials, rather than
/// clients) with the SDK's Adaptive retry mode: on top of Standard's retries, a client-side rate limiter that slows
/// down after a throttling error, so a burst that still meets <c>RequestLimitExceeded</c> or <c>Throttling</c> backs
/// off instead of failing. Clients the user supplies keep their own retry mode; Adaptive is recommended for them too.
/// </summary>
internal static class AdaptiveRetryClients
{
    /// <summary>An EC2 client for <paramref name="region"/>, with <paramref name="credentials"/> or else the SDK's default chain.</summary>
    public static AmazonEC2Client CreateEc2(RegionEndpoint region, AWSCredentials? credentials = null) =>
        CreateEc2(new AmazonEC2Config { RegionEndpoint = region }, credentials);

    /// <summary>An EC2 client from <paramref name="config"/> (its retry mode is set to Adaptive) and optional credentials.</summary>
    public static AmazonEC2Client CreateEc2(AmazonEC2Config config, AWSCredentials? credentials = null) =>
        credentials is null ? new(Adaptive(config)) : new(credentials, Adaptive(config));

    /// <summary>An ELBv2 client for <paramref name="region"/>, with <paramref name="credentials"/> or else the SDK's default chain.</summary>
    public static AmazonElasticLoadBalancingV2Client CreateElasticLoadBalancing(RegionEndpoint region, AWSCredentials? credentials = null) =>
        CreateElasticLoadBalancing(new AmazonElasticLoadBalancingV2Config { RegionEndpoint = region }, credentials);

    /// <summary>An ELBv2 client from <paramref name="config"/> (its retry mode is set to Adaptive) and optional credentials.</summary>
    public static AmazonElasticLoadBalancingV2Client CreateElasticLoadBalancing(AmazonElasticLoadBalancingV2Config config, AWSCredentials? credentials = null) =>
        credentials is null ? new(Adaptive(config)) : new(credentials, Adaptive(config));

    private static T Adaptive<T>(T config)
        where T : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        config.RetryMode = RequestRetryMode.Adaptive;
        return config;
    }
}
