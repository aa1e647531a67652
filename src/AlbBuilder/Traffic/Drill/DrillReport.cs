using System.Globalization;
using System.Text;

namespace AlbBuilder;

/// <summary>
/// What a failover drill showed: the timeline, the traffic before, during and after the stop, and whether the load
/// balancer kept serving from the survivors and took the instance back. Read-only: the drill fills it in; tests of
/// your own code build one with the public constructor.
/// </summary>
public sealed record DrillReport
{
    /// <summary>Builds a report, e.g. as the result of a mocked <see cref="IAlbLab.RunFailoverDrillAsync(DrillOptions?, IProgress{DrillEvent}?, CancellationToken)"/>.</summary>
    /// <param name="instanceId">The id of the instance that was stopped.</param>
    /// <param name="instanceName">Its Name tag, if any.</param>
    /// <param name="survivors">The instances that kept running.</param>
    /// <param name="timeline">Every step with its time, in order.</param>
    /// <param name="baselineTraffic">The traffic before the stop.</param>
    /// <param name="survivorTraffic">The traffic while the instance was stopped.</param>
    /// <param name="restoredTraffic">The traffic after the restart.</param>
    /// <param name="transitionWindow">The window after the stop request in which failures were tolerated.</param>
    /// <param name="transitionFailures">Requests tolerated inside the transition window.</param>
    /// <param name="stoppedServedAfterWindow">Requests after the window still served by the stopped instance.</param>
    /// <param name="failedAfterWindow">Requests after the window that failed or came from an unknown backend.</param>
    /// <param name="baselineAllServed">Whether, before the stop, every request succeeded and every instance served.</param>
    /// <param name="onlySurvivorServed">Whether, while the instance was stopped, only survivors served after the window.</param>
    /// <param name="allServeAgain">Whether, after the restart, every instance served again.</param>
    /// <param name="failedStep">The first step that failed, null when none did.</param>
    /// <param name="kind">What the drill did to the instance: stopped it, or made it fail its health checks.</param>
    public DrillReport(
        string instanceId,
        string? instanceName,
        IReadOnlyList<string> survivors,
        IReadOnlyList<DrillEvent> timeline,
        TrafficReport? baselineTraffic,
        TrafficReport? survivorTraffic,
        TrafficReport? restoredTraffic,
        TimeSpan transitionWindow,
        int transitionFailures,
        int stoppedServedAfterWindow,
        int failedAfterWindow,
        bool baselineAllServed,
        bool onlySurvivorServed,
        bool allServeAgain,
        DrillStep? failedStep = null,
        DrillKind kind = DrillKind.StopInstance)
    {
        InstanceId = instanceId;
        InstanceName = instanceName;
        Survivors = survivors;
        Timeline = timeline;
        BaselineTraffic = baselineTraffic;
        SurvivorTraffic = survivorTraffic;
        RestoredTraffic = restoredTraffic;
        TransitionWindow = transitionWindow;
        TransitionFailures = transitionFailures;
        StoppedServedAfterWindow = stoppedServedAfterWindow;
        FailedAfterWindow = failedAfterWindow;
        BaselineAllServed = baselineAllServed;
        OnlySurvivorServed = onlySurvivorServed;
        AllServeAgain = allServeAgain;
        FailedStep = failedStep;
        Kind = kind;
    }

    // The drill fills the report in with an object initializer (internal init keeps the properties read-only outside).
    internal DrillReport()
    {
    }

    /// <summary>The id of the instance that was stopped.</summary>
    public string InstanceId { get; internal init; } = string.Empty;

    /// <summary>Its Name tag, if any.</summary>
    public string? InstanceName { get; internal init; }

    /// <summary>The instances that kept running (Name tag, or id when untagged).</summary>
    public IReadOnlyList<string> Survivors { get; internal init; } = [];

    /// <summary>Every step with its time, in order, including any restore.</summary>
    public IReadOnlyList<DrillEvent> Timeline { get; internal init; } = [];

    /// <summary>The traffic before the stop; null if the drill didn't get that far.</summary>
    public TrafficReport? BaselineTraffic { get; internal init; }

    /// <summary>The traffic while the instance was stopped; null if the drill didn't get that far.</summary>
    public TrafficReport? SurvivorTraffic { get; internal init; }

    /// <summary>The traffic after the restart; null if the drill didn't get that far.</summary>
    public TrafficReport? RestoredTraffic { get; internal init; }

    /// <summary>The window after the stop request in which failures were tolerated.</summary>
    public TimeSpan TransitionWindow { get; internal init; }

    /// <summary>
    /// Requests of the survivor verification that started inside the transition window and were not served by a
    /// survivor (failed, or still served by the stopped instance): tolerated and excluded from the verdict.
    /// </summary>
    public int TransitionFailures { get; internal init; }

    /// <summary>How many batches the survivor verification sent (more than one with <see cref="DrillOptions.TransitionSampling"/>).</summary>
    public int SurvivorBatches { get; internal init; }

    /// <summary>
    /// From the stop request to the start of the first survivor batch served by the survivors alone: when the load
    /// balancer had cut over, as far as the traffic showed. Null when no batch was.
    /// </summary>
    public TimeSpan? CutOverAfter { get; internal init; }

    /// <summary>What the drill did to the instance.</summary>
    public DrillKind Kind { get; internal init; }

    /// <summary><see cref="DrillKind.Unhealthy"/>: when the drill saw the target <c>unhealthy</c>; null otherwise or if it never did.</summary>
    public DateTimeOffset? UnhealthyAt { get; internal init; }

    /// <summary>When traffic had stopped reaching the instance: the start of the first survivor batch served by the survivors alone.</summary>
    public DateTimeOffset? TrafficStoppedAt { get; internal init; }

    /// <summary><see cref="DrillKind.Unhealthy"/>: when every target was healthy again after the recovery; null otherwise or if it never was.</summary>
    public DateTimeOffset? RecoveredAt { get; internal init; }

    /// <summary>Requests that started after the window and were still served by the stopped instance (each one fails the drill).</summary>
    public int StoppedServedAfterWindow { get; internal init; }

    /// <summary>Requests that started after the window and failed or came from an unknown backend (each one fails the drill).</summary>
    public int FailedAfterWindow { get; internal init; }

    /// <summary>Whether, before the stop, every request succeeded and every instance served.</summary>
    public bool BaselineAllServed { get; internal init; }

    /// <summary>
    /// Whether, while the instance was stopped, the survivors served at least one request and every request after the
    /// transition window was served by a survivor.
    /// </summary>
    public bool OnlySurvivorServed { get; internal init; }

    /// <summary>Whether, after the restart, every request succeeded and every instance served again.</summary>
    public bool AllServeAgain { get; internal init; }

    /// <summary>The first step that failed, null when none did.</summary>
    public DrillStep? FailedStep { get; internal init; }

    /// <summary>Whether the drill proved failover and recovery: baseline, survivors only, all serve again.</summary>
    public bool Succeeded => FailedStep is null && BaselineAllServed && OnlySurvivorServed && AllServeAgain;

    /// <summary>A few human-readable lines: the verdict, each phase's traffic and the timeline.</summary>
    public string Summary => BuildSummary();

    /// <inheritdoc />
    public override string ToString() => Summary;

    private string BuildSummary()
    {
        var stopped = InstanceName is null ? InstanceId : $"{InstanceName} ({InstanceId})";
        var text = new StringBuilder();
        var drill = Kind == DrillKind.Unhealthy ? "Unhealthy-target drill" : "Failover drill";
        text.Append(Succeeded ? $"{drill} succeeded" : $"{drill} FAILED at {FailedStep?.ToString() ?? "an unknown step"}")
            .Append(CultureInfo.InvariantCulture, $": {(Kind == DrillKind.Unhealthy ? "made unhealthy" : "stopped")} {stopped}, survivors {string.Join(", ", Survivors)}.")
            .AppendLine();
        if (Kind == DrillKind.Unhealthy)
        {
            text.Append(CultureInfo.InvariantCulture, $"  unhealthy at {Time(UnhealthyAt)}, traffic stopped reaching it at {Time(TrafficStoppedAt)}, recovered at {Time(RecoveredAt)}").AppendLine();
        }

        AppendPhase(text, "before", BaselineTraffic, BaselineAllServed ? "every instance served" : "not every instance served");
        AppendPhase(
            text,
            "stopped",
            SurvivorTraffic,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{(OnlySurvivorServed ? "only survivors served" : "NOT only survivors served")}; {TransitionFailures} tolerated in the {TransitionWindow.TotalSeconds:0.#} s transition window, {StoppedServedAfterWindow} from the stopped instance and {FailedAfterWindow} failed after it{CutOverText()}"));
        AppendPhase(text, "restarted", RestoredTraffic, AllServeAgain ? "every instance serves again" : "not every instance serves again");
        foreach (var entry in Timeline)
        {
            text.Append("  ").Append(entry).AppendLine();
        }

        return text.ToString();
    }

    private static string Time(DateTimeOffset? moment) =>
        moment?.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "–";

    private string CutOverText() =>
        CutOverAfter is { } cutOver
            ? string.Create(CultureInfo.InvariantCulture, $"; cut over {cutOver.TotalSeconds:0.###} s after the stop ({SurvivorBatches} batch(es))")
            : string.Empty;

    private static void AppendPhase(StringBuilder text, string phase, TrafficReport? traffic, string verdict)
    {
        if (traffic is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {phase}: {verdict} — {traffic}").AppendLine();
        }
    }
}
