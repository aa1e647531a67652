namespace AlbBuilder.Tests.Scenarios;

/// <summary>
/// Every assertion about <see cref="AlbLabException.Step"/>, <see cref="AlbLabException.Created"/>,
/// <see cref="AlbLabException.Removed"/> and step names, in one place: they are strings today and become typed
/// (resource lists, step constants) with the resource model, and then only this class changes.
/// </summary>
internal static class LabAssert
{
    /// <summary>Step names as the lab reports them in <see cref="AlbLabException.Step"/> and <see cref="LabEvent.Step"/>.</summary>
    public static class Steps
    {
        public const string DiscoverNetwork = "DiscoverNetwork";
        public const string CreateLoadBalancerSecurityGroup = "CreateLoadBalancerSecurityGroup";
        public const string CreateInstanceSecurityGroup = "CreateInstanceSecurityGroup";
        public const string AuthorizeLoadBalancerIngress = "AuthorizeLoadBalancerIngress";
        public const string AuthorizeInstanceIngress = "AuthorizeInstanceIngress";
        public const string CreateTargetGroup = "CreateTargetGroup";
        public const string ModifyTargetGroupAttributes = "ModifyTargetGroupAttributes";
        public const string CreateLoadBalancer = "CreateLoadBalancer";
        public const string ModifyLoadBalancerAttributes = "ModifyLoadBalancerAttributes";
        public const string RunInstances = "RunInstances";
        public const string TagInstances = "TagInstances";
        public const string WaitInstancesRunning = "WaitInstancesRunning";
        public const string RegisterTargets = "RegisterTargets";
        public const string CreateListener = "CreateListener";
        public const string WaitLoadBalancerActive = "WaitLoadBalancerActive";
        public const string WaitTargetsHealthy = "WaitTargetsHealthy";
        public const string DeleteSecurityGroup = "DeleteSecurityGroup";
        public const string DeleteTargetGroup = "DeleteTargetGroup";

        /// <summary>The steps of every start that creates a whole lab.</summary>
        public static readonly string[] OfAFullStart =
        [
            DiscoverNetwork, CreateLoadBalancerSecurityGroup, CreateInstanceSecurityGroup, CreateTargetGroup, CreateLoadBalancer,
            RunInstances, WaitInstancesRunning, RegisterTargets, CreateListener, WaitLoadBalancerActive, WaitTargetsHealthy,
        ];
    }

    public static void FailedAt(string step, AlbLabException ex) => Assert.Equal(step, ex.Step);

    /// <summary>For steps that run side by side, where which of them meets a fault first is a race.</summary>
    public static void FailedAtOneOf(string[] steps, AlbLabException ex) => Assert.Contains(ex.Step, steps);

    public static void EventsOf(string step, LabEventKind kind, IEnumerable<LabEvent> events, Func<int, bool> count) =>
        Assert.True(count(events.Count(e => e.Step == step && e.Kind == kind)), $"{kind} events of {step}: {events.Count(e => e.Step == step && e.Kind == kind)}");

    public static void EventsOf(string step, LabEventKind kind, string messageStart, IEnumerable<LabEvent> events, Func<int, bool> count)
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
        Assert.All(ex.Created, created => Assert.Contains(ex.Removed, removed => IdOf(removed) == IdOf(created)));

    public static void CreatedAfterALostResponse(AlbLabException ex) =>
        Assert.Contains(ex.Created, c => c.EndsWith("(created, but its response was lost)", StringComparison.Ordinal));

    public static void NotCreated(string resourceId, AlbLabException ex) =>
        Assert.DoesNotContain(ex.Created, c => c.Contains(resourceId, StringComparison.Ordinal));

    public static void NotRemoved(string resourceId, AlbLabException ex) =>
        Assert.DoesNotContain(ex.Removed, r => r.Contains(resourceId, StringComparison.Ordinal));

    /// <summary>A resource of a kind ("load balancer", "instance", …) is among the removed ones.</summary>
    public static void RemovedOfKind(string kind, AlbLabException ex) =>
        Assert.Contains(ex.Removed, r => r.StartsWith(kind, StringComparison.Ordinal));

    /// <summary>The id in a description such as "instance i-0abc" or "load balancer arn:… (created, but …)".</summary>
    private static string IdOf(string description) =>
        description.Split(' ').First(t => t.StartsWith("arn:", StringComparison.Ordinal) || t.StartsWith("sg-", StringComparison.Ordinal) || t.StartsWith("i-", StringComparison.Ordinal));
}
