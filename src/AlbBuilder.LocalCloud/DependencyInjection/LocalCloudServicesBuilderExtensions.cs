using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AlbBuilder.LocalCloud;

/// <summary>Points the labs of a container (<see cref="IAlbLabFactory"/>) at a <see cref="LocalCloud"/>.</summary>
public static class LocalCloudServicesBuilderExtensions
{
    /// <summary>
    /// Runs every lab from <see cref="IAlbLabFactory"/> on <paramref name="cloud"/>, as <c>WithLocalCloud</c> does for
    /// one builder: its EC2 and ELBv2 clients, its traffic handler (ALB DNS names on loopback), its clock and a polling
    /// interval suited to its latency profile. The container's <see cref="IAmazonEC2"/> and
    /// <see cref="IAmazonElasticLoadBalancingV2"/> become the cloud's too, replacing any registered before, so that
    /// code resolving them sees the same cloud as the labs. The cloud owns them: the container doesn't dispose them.
    /// </summary>
    /// <param name="builder">What <c>AddAlbBuilder</c> returned.</param>
    /// <param name="cloud">A started LocalCloud that outlives the container's labs.</param>
    /// <returns>The same builder, to chain.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AlbBuilderServicesBuilder UseLocalCloud(this AlbBuilderServicesBuilder builder, LocalCloud cloud)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cloud);

        // Registered as instances, not factories: the container disposes what its factories create, and these belong to the cloud.
        builder.Services.Replace(ServiceDescriptor.Singleton(cloud.SharedEc2Client));
        builder.Services.Replace(ServiceDescriptor.Singleton(cloud.SharedElasticLoadBalancingV2Client));
        return builder.ConfigureLabs(lab => lab.WithLocalCloud(cloud));
    }
}
