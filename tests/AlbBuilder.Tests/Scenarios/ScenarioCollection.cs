namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// The LocalCloud scenarios run on their own, after the parallel tests: each starts a LocalCloud with real sockets
/// and health-check loops, and some drive an <see cref="AutoAdvancingTime"/> through the thread pool, which could
/// starve the continuation-counting tests of other areas (e.g. waiters). Within the collection they run one after
/// another; each has a LocalCloud of its own, so none sees another's calls, faults or resources.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScenarioCollection
{
    public const string Name = "Lab scenarios on LocalCloud";
}
