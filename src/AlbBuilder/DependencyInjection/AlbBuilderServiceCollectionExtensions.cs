using AlbBuilder.Building;
using AlbBuilder.DependencyInjection;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon;
using Amazon.EC2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlbBuilder;

/// <summary>Registers AlbBuilder in a service collection: <see cref="IAlbLabFactory"/>, validated options and default AWS clients.</summary>
public static class AlbBuilderServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAlbLabFactory"/> and its defaults. Safe to call twice. Your own registrations of
    /// <see cref="IAmazonEC2"/>, <see cref="IAmazonElasticLoadBalancingV2"/> and <see cref="TimeProvider"/> win,
    /// before or after this call (e.g. <c>AddAWSService&lt;IAmazonEC2&gt;()</c> from AWSSDK.Extensions.NETCore.Setup).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options in code; they are validated when the host starts.</param>
    /// <returns>A builder to configure the labs further (e.g. <c>.UseLocalCloud(cloud)</c>); its <see cref="AlbBuilderServicesBuilder.Services"/> is <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "The overloads differ by the type of their second parameter (code or configuration), as AddOptions' do; AddAlbBuilder() with no argument is the common call.")]
    public static AlbBuilderServicesBuilder AddAlbBuilder(this IServiceCollection services, Action<AlbBuilderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AlbBuilderOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services, options);
    }

    /// <summary>Adds <see cref="IAlbLabFactory"/> with options bound from a configuration section (e.g. <c>configuration.GetSection("AlbBuilder")</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="AlbBuilderOptions"/>'s properties; validated when the host starts.</param>
    /// <returns>A builder to configure the labs further; its <see cref="AlbBuilderServicesBuilder.Services"/> is <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static AlbBuilderServicesBuilder AddAlbBuilder(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, services.AddOptions<AlbBuilderOptions>().Bind(configuration));
    }

    private static AlbBuilderServicesBuilder AddCore(IServiceCollection services, OptionsBuilder<AlbBuilderOptions> options)
    {
        // ValidateOnStart and TryAddEnumerable are idempotent, so a second AddAlbBuilder adds nothing twice.
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlbBuilderOptions>, AlbBuilderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonEC2>(sp => CreateEc2Client(sp.GetRequiredService<IOptions<AlbBuilderOptions>>().Value.Region));
        services.TryAddSingleton<IAmazonElasticLoadBalancingV2>(sp =>
            AlbLabBuilder.CreateDefaultElasticLoadBalancingClient(ToRegion(sp.GetRequiredService<IOptions<AlbBuilderOptions>>().Value.Region)));
        services.TryAddSingleton<IAlbLabFactory, AlbLabFactory>();
        return new AlbBuilderServicesBuilder(services);
    }

    private static AmazonEC2Client CreateEc2Client(string? region) => new(LabRegion.Resolve(ToRegion(region)));

    private static RegionEndpoint? ToRegion(string? region) => region is null ? null : RegionEndpoint.GetBySystemName(region);
}
