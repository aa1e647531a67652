using Microsoft.Extensions.DependencyInjection;

namespace AlbBuilder;

/// <summary>
/// What <c>AddAlbBuilder</c> returns, to configure the labs the container hands out: e.g. <c>.UseLocalCloud(cloud)</c>
/// (AlbBuilder.LocalCloud) or <see cref="ConfigureLabs"/> for settings the options don't carry (polling, traffic handler).
/// </summary>
public sealed class AlbBuilderServicesBuilder
{
    internal AlbBuilderServicesBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection AlbBuilder was added to, to go on registering.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adjusts every builder that <see cref="IAlbLabFactory"/> hands out, after the <see cref="AlbBuilderOptions"/> defaults
    /// and before the caller's own <c>With…</c> calls (which win). Adjustments apply in the order they were added.
    /// </summary>
    /// <param name="configure">Receives a builder and returns it adjusted, e.g. <c>lab =&gt; lab.WithPolling(TimeSpan.FromSeconds(2))</c>.</param>
    /// <returns>This builder, to chain.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public AlbBuilderServicesBuilder ConfigureLabs(Func<AlbLabBuilder, AlbLabBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddSingleton(new DependencyInjection.LabConfigurator(configure));
        return this;
    }
}
