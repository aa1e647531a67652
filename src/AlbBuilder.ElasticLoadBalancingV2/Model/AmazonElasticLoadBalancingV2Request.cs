using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Model;

/// <summary>Base class for Elastic Load Balancing v2 requests.</summary>
public abstract class AmazonElasticLoadBalancingV2Request : AmazonWebServiceRequest
{
    // Internal abstract members keep the set of requests closed: only generated operations can be sent.
    internal abstract string OperationName { get; }

    /// <summary>Writes every member that is set in AWS Query form (without Action and Version).</summary>
    internal abstract void WriteQueryParameters(IDictionary<string, string> parameters);
}
