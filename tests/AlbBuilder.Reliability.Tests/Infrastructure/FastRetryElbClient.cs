using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>AlbBuilder's real ELBv2 client with <see cref="FastRetry"/>.</summary>
internal sealed class FastRetryElbClient(AWSCredentials credentials, AmazonElasticLoadBalancingV2Config config)
    : AmazonElasticLoadBalancingV2Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        FastRetry.Apply(pipeline, Config);
    }
}
