namespace AlbBuilder.DependencyInjection;

/// <summary>One <see cref="AlbBuilderServicesBuilder.ConfigureLabs"/> adjustment; the factory applies all of them in registration order.</summary>
/// <param name="Configure">Returns the builder adjusted.</param>
internal sealed record LabConfigurator(Func<AlbLabBuilder, AlbLabBuilder> Configure);
