using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>The real <see cref="AmazonEC2Client"/> with <see cref="FastRetry"/>.</summary>
internal sealed class FastRetryEc2Client(AWSCredentials credentials, AmazonEC2Config config) : AmazonEC2Client(credentials, config)
{
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        FastRetry.Apply(pipeline, Config);
    }
}
