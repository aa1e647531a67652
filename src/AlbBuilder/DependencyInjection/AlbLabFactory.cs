using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlbBuilder.DependencyInjection;

/// <summary>The container's <see cref="IAlbLabFactory"/>: option defaults plus the container's clients, clock and logging.</summary>
internal sealed class AlbLabFactory(
    IServiceProvider services,
    IOptions<AlbBuilderOptions> options,
    TimeProvider timeProvider,
    IEnumerable<LabConfigurator> configurators) : IAlbLabFactory
{
    public AlbLabBuilder Create(string name) => WithDefaults(AlbLab.Create(name));

    public AlbLabBuilder Create() => WithDefaults(AlbLab.Create());

    private AlbLabBuilder WithDefaults(AlbLabBuilder lab)
    {
        var defaults = options.Value;

        // Resolved lazily: building a lab must not create clients (nor look for credentials), and the container
        // owns them, so the lab never disposes them.
        var clients = new LabClients(services.GetRequiredService<IAmazonEC2>, services.GetRequiredService<IAmazonElasticLoadBalancingV2>);
        var builder = lab
            .WithInstances(defaults.InstanceCount)
            .WithInstanceType(defaults.InstanceType)
            .WithImage(defaults.ImageId)
            .WithTimeouts(new LabTimeouts(
                defaults.InstancesRunningTimeout,
                defaults.LoadBalancerActiveTimeout,
                defaults.TargetsHealthyTimeout,
                defaults.TeardownTimeout))
            .WithCleanUp(defaults.CleanUp)
            .WithTimeProvider(timeProvider)
            .WithClients(clients);

        if (defaults.TimeToLive is { } timeToLive)
        {
            builder = builder.WithTimeToLive(timeToLive);
        }

        if (services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            builder = builder.WithLoggerFactory(loggerFactory);
        }

        foreach (var configurator in configurators)
        {
            builder = configurator.Configure(builder)
                ?? throw new InvalidOperationException("A ConfigureLabs function returned null; return the adjusted builder.");
        }

        return builder;
    }
}
