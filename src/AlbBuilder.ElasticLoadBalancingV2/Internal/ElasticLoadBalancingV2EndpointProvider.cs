using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>
/// The service's endpoint rule set (endpoint-rule-set-1.json) as code: custom endpoint, then FIPS / dual-stack /
/// standard per partition (aws, aws-cn, aws-us-gov, …) using AWSSDK.Core's partition data.
/// </summary>
internal sealed class ElasticLoadBalancingV2EndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var useFips = parameters["UseFIPS"] as bool? ?? throw new AmazonClientException("UseFIPS parameter must be set for endpoint resolution");
        var useDualStack = parameters["UseDualStack"] as bool? ?? throw new AmazonClientException("UseDualStack parameter must be set for endpoint resolution");
        var endpoint = parameters["Endpoint"] as string;
        var region = parameters["Region"] as string;

        if (Fn.IsSet(endpoint))
        {
            if (useFips)
            {
                throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            }

            if (useDualStack)
            {
                throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            }

            return new Endpoint(endpoint);
        }

        if (!Fn.IsSet(region))
        {
            throw new AmazonClientException("Invalid Configuration: Missing Region");
        }

        var partition = Fn.Partition(region!)
            ?? throw new AmazonClientException("Invalid Configuration: Missing Region");
        var refs = new Dictionary<string, object>
        {
            ["Region"] = region!,
            ["PartitionResult"] = partition,
        };
        var supportsFips = Equals(Fn.GetAttr(partition, "supportsFIPS"), true);
        var supportsDualStack = Equals(Fn.GetAttr(partition, "supportsDualStack"), true);

        if (useFips && useDualStack)
        {
            return supportsFips && supportsDualStack
                ? Build("https://elasticloadbalancing-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", refs)
                : throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
        }

        if (useFips)
        {
            if (!supportsFips)
            {
                throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
            }

            // GovCloud's regular endpoints are already FIPS-validated; the rule set sends FIPS requests there.
            return Equals(Fn.GetAttr(partition, "name"), "aws-us-gov")
                ? Build("https://elasticloadbalancing.{Region}.amazonaws.com", refs)
                : Build("https://elasticloadbalancing-fips.{Region}.{PartitionResult#dnsSuffix}", refs);
        }

        if (useDualStack)
        {
            return supportsDualStack
                ? Build("https://elasticloadbalancing.{Region}.{PartitionResult#dualStackDnsSuffix}", refs)
                : throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
        }

        return Build("https://elasticloadbalancing.{Region}.{PartitionResult#dnsSuffix}", refs);
    }

    private static Endpoint Build(string template, Dictionary<string, object> refs) => new(Fn.Interpolate(template, refs));
}
