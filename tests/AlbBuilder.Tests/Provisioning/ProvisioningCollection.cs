namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// The lab tests drive many fake timers through the thread pool (<see cref="AutoAdvancingTime"/>); they run on their
/// own, after the parallel tests, so they can't starve the continuation-counting tests of other areas (e.g. waiters).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProvisioningCollection
{
    public const string Name = "Lab provisioning";
}
