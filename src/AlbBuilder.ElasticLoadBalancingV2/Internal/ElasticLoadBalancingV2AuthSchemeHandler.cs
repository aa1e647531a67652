using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace AlbBuilder.ElasticLoadBalancingV2.Internal;

/// <summary>
/// Chooses SigV4 for every operation (the model's only auth scheme). AWSSDK.Core 4 needs this handler before endpoint
/// resolution: without a chosen scheme and identity the signer fails with a NullReferenceException.
/// </summary>
internal sealed class ElasticLoadBalancingV2AuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        AuthSchemeOption.DEFAULT_SIGV4;
}
