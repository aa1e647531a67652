namespace AlbBuilder;

/// <summary>The entry point: <c>AlbLab.Create("demo").WithInstances(2).Build()</c> describes a lab without touching AWS.</summary>
public static class AlbLab
{
    /// <summary>The most instances one lab may have.</summary>
    /// <remarks>
    /// A lab demonstrates load balancing; it is not a fleet. New AWS accounts start with small On-Demand vCPU
    /// quotas ("Running On-Demand Standard instances", counted in vCPUs; a t3.micro has 2), and a mistyped count
    /// should fail here, before any instance is paid for, rather than half-way through RunInstances.
    /// </remarks>
    public const int MaxInstances = 20;

    /// <summary>The most user tags a lab accepts: AWS allows 50 per resource and the lab adds 5 ownership tags and Name.</summary>
    public const int MaxUserTags = 50 - 6;

    /// <summary>
    /// Starts describing a lab with a generated name, <c>lab-</c> and 8 random hex digits (e.g. <c>lab-3f9c2a1b</c>); each
    /// <see cref="AlbLabBuilder.Build"/> draws a new one, so two unnamed labs never adopt each other's resources.
    /// </summary>
    /// <remarks>
    /// Labs are found again by name, so give one with <see cref="Create(string)"/> when another process should find the
    /// lab later (resume after a crash, <c>AttachAsync</c>, a teardown job). <see cref="IAlbLab.Name"/> tells the generated name.
    /// </remarks>
    /// <returns>A builder with every setting at its default.</returns>
    public static AlbLabBuilder Create() => new(Building.AlbLabConfiguration.Empty);

    /// <summary>Starts describing a lab. Its resources are named after it (<c>&lt;name&gt;-alb</c>, <c>&lt;name&gt;-tg</c>, <c>&lt;name&gt;-1</c>…).</summary>
    /// <param name="name">1–28 ASCII letters, digits and hyphens; no hyphen at either end; not starting with <c>internal-</c> or <c>sg-</c>. Checked by <see cref="AlbLabBuilder.Build"/>.</param>
    /// <returns>A builder with every setting at its default.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static AlbLabBuilder Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new AlbLabBuilder(Building.AlbLabConfiguration.Empty with { Name = name });
    }
}
