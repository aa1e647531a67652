using Amazon.Runtime.Internal;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>Service metadata the SDK pipeline reads (service id for metrics, endpoint providers and logging).</summary>
internal sealed class ElasticLoadBalancingV2Metadata : IServiceMetadata
{
    public const string ServiceIdValue = AmazonElasticLoadBalancingV2Config.ServiceIdValue;

    public string ServiceId => ServiceIdValue;

    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>(0);
}
