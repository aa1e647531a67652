using System.Globalization;
using Microsoft.Extensions.Options;

namespace AlbBuilder;

/// <summary>How a failover drill runs: which instance it stops, how much traffic proves each phase, and how long it waits.</summary>
/// <remarks>Immutable; derive variants with <c>options with { InstanceIndex = 2 }</c>. Validated when used: one exception lists every bad value.</remarks>
public sealed record DrillOptions
{
    /// <summary>Which instance to stop, 1-based in Name-tag order (<c>&lt;lab&gt;-1</c> is 1).</summary>
    /// <value>The default is 1.</value>
    public int InstanceIndex { get; init; } = 1;

    /// <summary>What the drill does to the instance: stop it (the default), or make it fail its health check while it runs.</summary>
    /// <value>The default is <see cref="DrillKind.StopInstance"/>.</value>
    public DrillKind Kind { get; init; } = DrillKind.StopInstance;

    /// <summary>
    /// For <see cref="DrillKind.Unhealthy"/>: makes the instance (by id) fail its health check while it keeps running,
    /// for example by stopping its web server. Required for that kind.
    /// </summary>
    public Func<string, CancellationToken, Task>? MakeUnhealthy { get; init; }

    /// <summary>For <see cref="DrillKind.Unhealthy"/>: undoes <see cref="MakeUnhealthy"/> (also on failure or cancellation). Required for that kind.</summary>
    public Func<string, CancellationToken, Task>? Recover { get; init; }

    /// <summary>How many requests each of the three verifications sends.</summary>
    /// <value>The default is 20; 1–100 000.</value>
    public int Requests { get; init; } = 20;

    /// <summary>
    /// How long after the stop request failures (and responses still from the stopped instance) are tolerated: they are
    /// counted in <see cref="DrillReport.TransitionFailures"/> but don't fail the drill. On AWS the load balancer keeps
    /// sending to an instance that is shutting down until its health checks fail, up to interval × unhealthy threshold
    /// (+ timeout); see <see cref="SuggestedTransitionWindow"/>.
    /// </summary>
    /// <value>The default is 30 seconds; 0–1 hour.</value>
    public TimeSpan TransitionWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When set, the survivor verification repeats its batch of <see cref="Requests"/> at this pace until one batch is
    /// served by the survivors alone (the load balancer has cut over) or the transition window has passed, so the report
    /// shows the transition itself: <see cref="DrillReport.TransitionFailures"/> inside the window, and
    /// <see cref="DrillReport.CutOverAfter"/>. Null sends one batch.
    /// </summary>
    /// <value>The default is null; the lab's default drill uses 250 ms. At most 1 minute.</value>
    public TimeSpan? TransitionSampling { get; init; }

    /// <summary>How long to wait for the stopped instance's target to become <c>unused</c> (or, for <see cref="DrillKind.Unhealthy"/>, <c>unhealthy</c>).</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan TargetUnusedTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait for the instance to reach <c>stopped</c>.</summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan InstanceStoppedTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait, after the restart, for every target to be healthy again.</summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan TargetsHealthyTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long restoring the instance after a failure or cancellation may take. The restore runs on its own token bounded
    /// by this, so a cancelled drill still starts the instance again.
    /// </summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan RestoreTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The clock for the timeline, the transition window and the timeouts; use the same one as the traffic verification.</summary>
    /// <value>
    /// The default is null: the lab's clock (<c>WithTimeProvider</c>) when the lab runs it, <see cref="TimeProvider.System"/> otherwise.
    /// An explicit <see cref="TimeProvider.System"/> is honoured as given.
    /// </value>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The clock in use: <see cref="TimeProvider"/>, or the system clock when unset.</summary>
    internal TimeProvider Clock => TimeProvider ?? TimeProvider.System;

    /// <summary>
    /// The window a health check needs to notice an instance that went away: interval × unhealthy threshold + timeout
    /// (14 s for the lab defaults, 65 s for AWS's own defaults).
    /// </summary>
    /// <param name="healthCheck">The target group's health check.</param>
    /// <returns>The suggested <see cref="TransitionWindow"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="healthCheck"/> is null.</exception>
    public static TimeSpan SuggestedTransitionWindow(HealthCheckSettings healthCheck)
    {
        ArgumentNullException.ThrowIfNull(healthCheck);
        return (healthCheck.Interval * healthCheck.UnhealthyThreshold) + healthCheck.Timeout;
    }

    /// <summary>Checks every setting and throws once, listing every bad value.</summary>
    /// <exception cref="OptionsValidationException">One or more settings are out of range.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        if (InstanceIndex < 1)
        {
            problems.Add(Problem(nameof(InstanceIndex), InstanceIndex, "must be 1 or more (1-based)"));
        }

        if (Kind == DrillKind.Unhealthy && (MakeUnhealthy is null || Recover is null))
        {
            problems.Add(Problem(nameof(Kind), Kind, "needs both MakeUnhealthy and Recover"));
        }

        if (!Enum.IsDefined(Kind))
        {
            problems.Add(Problem(nameof(Kind), Kind, "must be StopInstance or Unhealthy"));
        }

        if (Requests is < 1 or > 100_000)
        {
            problems.Add(Problem(nameof(Requests), Requests, "must be 1–100000"));
        }

        if (TransitionWindow < TimeSpan.Zero || TransitionWindow > TimeSpan.FromHours(1))
        {
            problems.Add(Problem(nameof(TransitionWindow), TransitionWindow, "must be 0–1 hour"));
        }

        if (TransitionSampling is { } sampling && (sampling < TimeSpan.Zero || sampling > TimeSpan.FromMinutes(1)))
        {
            problems.Add(Problem(nameof(TransitionSampling), sampling, "must be 0–1 minute"));
        }

        foreach (var (name, value) in new[]
        {
            (nameof(TargetUnusedTimeout), TargetUnusedTimeout),
            (nameof(InstanceStoppedTimeout), InstanceStoppedTimeout),
            (nameof(TargetsHealthyTimeout), TargetsHealthyTimeout),
            (nameof(RestoreTimeout), RestoreTimeout),
        })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(2))
            {
                problems.Add(Problem(name, value, "must be more than zero and at most 2 hours"));
            }
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(DrillOptions), typeof(DrillOptions), problems);
        }
    }

    private static string Problem(string name, object value, string fix) =>
        string.Create(CultureInfo.InvariantCulture, $"DrillOptions.{name} = {value}: {fix}");
}
