namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// Every assertion about <see cref="AlbLabException.Step"/>, <see cref="AlbLabException.Created"/>,
/// <see cref="AlbLabException.Removed"/> and step names, in one place (typed: <see cref="LabStep"/>, <see cref="LabResource"/>).
/// </summary>
internal static class LabAssert
{
    /// <summary>Step names as the lab reports them in <see cref="AlbLabException.Step"/> and <see cref="LabEvent.Step"/>.</summary>
    public static class Steps
    {
        public const LabStep DiscoverNetwork = LabStep.DiscoverNetwork;
        public const LabStep CreateLoadBalancerSecurityGroup = LabStep.CreateLoadBalancerSecurityGroup;
        public const LabStep CreateInstanceSecurityGroup = LabStep.CreateInstanceSecurityGroup;
        public const LabStep AuthorizeLoadBalancerIngress = LabStep.AuthorizeLoadBalancerIngress;
        public const LabStep AuthorizeInstanceIngress = LabStep.AuthorizeInstanceIngress;
        public const LabStep CreateTargetGroup = LabStep.CreateTargetGroup;
        public const LabStep ModifyTargetGroupAttributes = LabStep.ModifyTargetGroupAttributes;
        public const LabStep CreateLoadBalancer = LabStep.CreateLoadBalancer;
        public const LabStep ModifyLoadBalancerAttributes = LabStep.ModifyLoadBalancerAttributes;
        public const LabStep RunInstances = LabStep.RunInstances;
        public const LabStep TagInstances = LabStep.TagInstances;
        public const LabStep WaitInstancesRunning = LabStep.WaitInstancesRunning;
        public const LabStep RegisterTargets = LabStep.RegisterTargets;
        public const LabStep CreateListener = LabStep.CreateListener;
        public const LabStep WaitLoadBalancerActive = LabStep.WaitLoadBalancerActive;
        public const LabStep WaitTargetsHealthy = LabStep.WaitTargetsHealthy;
        public const LabStep DeleteSecurityGroup = LabStep.DeleteSecurityGroup;
        public const LabStep DeleteTargetGroup = LabStep.DeleteTargetGroup;

        /// <summary>The steps of every start that creates a whole lab.</summary>
        public static readonly LabStep[] OfAFullStart =
        [
            DiscoverNetwork, CreateLoadBalancerSecurityGroup, CreateInstanceSecurityGroup, CreateTargetGroup, CreateLoadBalancer,
            RunInstances, WaitInstancesRunning, RegisterTargets, CreateListener, WaitLoadBalancerActive, WaitTargetsHealthy,
        ];
    }

    public static void FailedAt(LabStep step, AlbLabException ex) => Assert.Equal(step, ex.Step);

    /// <summary>For steps that run side by side, where which of them meets a fault first is a race.</summary>
    public static void FailedAtOneOf(LabStep[] steps, AlbLabException ex) => Assert.Contains(ex.Step ?? throw new Xunit.Sdk.XunitException("No step"), steps);

    public static void EventsOf(LabStep step, LabEventKind kind, IEnumerable<LabEvent> events, Func<int, bool> count) =>
        Assert.True(count(events.Count(e => e.Step == step && e.Kind == kind)), $"{kind} events of {step}: {events.Count(e => e.Step == step && e.Kind == kind)}");

    public static void EventsOf(LabStep step, LabEventKind kind, string messageStart, IEnumerable<LabEvent> events, Func<int, bool> count)
    {
        var n = events.Count(e => e.Step == step && e.Kind == kind && e.Message.StartsWith(messageStart, StringComparison.Ordinal));
        Assert.True(count(n), $"{kind} events of {step} starting '{messageStart}': {n}");
    }

    public static void NothingCreated(AlbLabException ex) => Assert.Empty(ex.Created);

    public static void CreatedCount(int expected, AlbLabException ex) => Assert.Equal(expected, ex.Created.Count);

    public static void NothingRemoved(AlbLabException ex) => Assert.Empty(ex.Removed);

    public static void SomethingRemoved(AlbLabException ex) => Assert.NotEmpty(ex.Removed);

    /// <summary>Everything the start created (journaled or found after a lost response) was removed again.</summary>
    public static void EverythingCreatedWasRemoved(AlbLabException ex) =>
        Assert.Empty(ex.Created.Except(ex.Removed));

    public static void CreatedAfterALostResponse(AlbLabException ex) =>
        Assert.Contains("(created, but its response was lost)", ex.Message, StringComparison.Ordinal);

    public static void NotCreated(string resourceId, AlbLabException ex) =>
        Assert.DoesNotContain(ex.Created, c => c.Id == resourceId);

    public static void NotRemoved(string resourceId, AlbLabException ex) =>
        Assert.DoesNotContain(ex.Removed, r => r.Id == resourceId);

    /// <summary>A resource of a kind is among the removed ones.</summary>
    public static void RemovedOfKind(LabResourceKind kind, AlbLabException ex) =>
        Assert.Contains(ex.Removed, r => r.Kind == kind);
}
