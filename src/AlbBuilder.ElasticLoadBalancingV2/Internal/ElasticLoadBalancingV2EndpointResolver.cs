using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>
/// Pipeline handler that maps the client config onto the rule set's parameters and resolves the endpoint.
/// It also pins the signing region when a custom ServiceURL is used, because the SDK would otherwise derive the
/// region from the host name (127.0.0.1 → us-east-1) instead of the configured region.
/// </summary>
internal sealed class ElasticLoadBalancingV2EndpointResolver : BaseEndpointResolver
{
    protected override void ServiceSpecificHandler(IExecutionContext executionContext, EndpointParameters parameters)
    {
        var requestContext = executionContext.RequestContext;
        InjectHostPrefix(requestContext);

        var config = requestContext.ClientConfig;
        if (!string.IsNullOrEmpty(config.ServiceURL)
            && string.IsNullOrEmpty(requestContext.Request.AuthenticationRegion)
            && parameters["Region"] is string region
            && !string.IsNullOrEmpty(region))
        {
            requestContext.Request.AuthenticationRegion = region;
        }
    }

    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var parameters = new ElasticLoadBalancingV2EndpointParameters
        {
            Region = requestContext.Request.AlternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName,
            UseDualStack = config.UseDualstackEndpoint,
            UseFIPS = config.UseFIPSEndpoint,
            Endpoint = config.ServiceURL,
        };

        if (parameters.Region is null && !string.IsNullOrEmpty(config.ServiceURL))
        {
            parameters.Region = !string.IsNullOrEmpty(config.AuthenticationRegion)
                ? config.AuthenticationRegion
                : RegionEndpoint.GetBySystemName(AWSSDKUtils.DetermineRegion(config.ServiceURL)).SystemName;
        }

        if (parameters.Region == "us-east-1-regional")
        {
            parameters.Region = "us-east-1";
        }

        return parameters;
    }
}
