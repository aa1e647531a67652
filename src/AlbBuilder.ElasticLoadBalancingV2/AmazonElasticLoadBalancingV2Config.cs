using AlbBuilder.ElasticLoadBalancingV2.Internal;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace AlbBuilder.ElasticLoadBalancingV2;

/// <summary>Configuration for <see cref="AmazonElasticLoadBalancingV2Client"/>, shaped like the official SDK's config.</summary>
/// <remarks>
/// The service-specific endpoint variable <c>AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2</c> (derived by AWSSDK.Core
/// from <see cref="ServiceIdValue"/>), the global <c>AWS_ENDPOINT_URL</c> and the profile's <c>endpoint_url</c> are honoured
/// by <see cref="ClientConfig.ServiceURL"/>.
/// </remarks>
public class AmazonElasticLoadBalancingV2Config : ClientConfig
{
    /// <summary>The service id of Elastic Load Balancing v2, as in the service model.</summary>
    public const string ServiceIdValue = "Elastic Load Balancing v2";

    /// <summary>The SigV4 signing name and endpoint prefix of the service.</summary>
    internal const string SigningName = "elasticloadbalancing";

    private static readonly string UserAgentString =
        InternalSDKUtils.BuildUserAgentString("ElasticLoadBalancingV2", ThisAssemblyVersion());

    private static readonly ElasticLoadBalancingV2EndpointResolver EndpointResolver = new();

    /// <summary>Creates a configuration with the SDK's defaults (region and retry mode come from the environment/profile).</summary>
    public AmazonElasticLoadBalancingV2Config()
        : base(new DefaultConfigurationProvider(ElasticLoadBalancingV2DefaultConfiguration.GetAllConfigurations()))
    {
        ServiceId = ServiceIdValue;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new ElasticLoadBalancingV2EndpointProvider();
    }

    /// <summary>Gets the name used to look the service up in the region endpoint data.</summary>
    /// <value>Always <c>elasticloadbalancing</c>.</value>
    public override string RegionEndpointServiceName => SigningName;

    /// <summary>Gets the API version sent as <c>Version</c> on every request.</summary>
    /// <value>Always <c>2015-12-01</c>.</value>
    public override string ServiceVersion => "2015-12-01";

    /// <summary>Gets the user agent fragment that identifies this client.</summary>
    public override string UserAgent => UserAgentString;

    /// <summary>Gets or sets a cap on the delay between retries; <see langword="null"/> keeps the SDK's own backoff.</summary>
    /// <value>The default is <see langword="null"/>. Tests use a tiny cap so that retries never sleep for real.</value>
    internal TimeSpan? MaxRetryBackoff { get; set; }

    /// <summary>Resolves the endpoint a request would be sent to, without sending anything.</summary>
    /// <param name="parameters">The request (and optional alternate region) to resolve for.</param>
    /// <returns>The resolved endpoint.</returns>
    /// <exception cref="AmazonClientException">The configuration cannot produce an endpoint (e.g. FIPS with a custom endpoint).</exception>
    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, ElasticLoadBalancingV2Metadata.ServiceIdValue)
            {
                AlternateEndpoint = parameters.AlternateEndpoint,
            },
        };
        return EndpointResolver.GetEndpoint(new Amazon.Runtime.Internal.ExecutionContext(requestContext, null));
    }

    private static string ThisAssemblyVersion() =>
        typeof(AmazonElasticLoadBalancingV2Config).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
}
