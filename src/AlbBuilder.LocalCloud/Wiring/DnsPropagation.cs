using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Wiring;

/// <summary>
/// When a load balancer's DNS name starts to resolve: <see cref="LatencyProfile.DnsPropagation"/> after its creation
/// (on the Realistic profile that is after it turned active). Until then a client's lookup fails as for an
/// unknown name, as a new ALB's name does on AWS while the record propagates.
/// </summary>
internal static class DnsPropagation
{
    /// <summary>Whether the name resolves now; the caller holds <see cref="CloudState.Gate"/>.</summary>
    public static bool Resolves(CloudState state, LoadBalancer loadBalancer)
    {
        var propagation = state.Profile.DnsPropagation;
        return propagation <= TimeSpan.Zero
            || state.Now >= loadBalancer.CreatedTime + propagation;
    }
}
