using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Waiters;
using Amazon.EC2;

namespace AlbBuilder.Provisioning;

/// <summary>
/// What every lab operation shares, built once per lab: the definition and the services (clients, clock). Clients are
/// resolved on first use, so building the context never creates them.
/// </summary>
internal sealed class LabContext(AlbLabDefinition definition, LabServices services)
{
    public AlbLabDefinition Definition { get; } = definition;

    public LabServices Services { get; } = services;

    public string Name => Definition.Name;

    public IAmazonEC2 Ec2 => Services.Ec2;

    public IAmazonElasticLoadBalancingV2 Elb => Services.ElasticLoadBalancing;

    public TimeProvider Time => Services.TimeProvider;

    /// <summary>How long a teardown (or a rollback) may take.</summary>
    public TimeSpan TeardownTimeout => Definition.Timeouts.Teardown;

    /// <summary>Waiter options with the lab's clock and polling, without progress.</summary>
    public WaiterOptions Waits(TimeSpan timeout) => LabWaits.Options(Time, timeout, Definition.PollInterval, null, LabStep.Start);

    /// <summary>Waiter options for one step: the lab's clock and polling, the step's timeout, attempts reported as progress.</summary>
    public WaiterOptions Waits(TimeSpan timeout, LabProgress? progress, LabStep step) =>
        LabWaits.Options(Time, timeout, Definition.PollInterval, progress, step);

    /// <summary>The instances as targets on the lab's target port: the one place that builds target lists.</summary>
    public List<TargetDescription> Targets(IEnumerable<string> instanceIds) =>
        [.. instanceIds.Select(id => new TargetDescription { Id = id, Port = Definition.TargetPort })];
}
