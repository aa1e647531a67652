using AlbBuilder.LocalCloud.DataPlane;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>
/// The checker's schedule, thresholds, states and routing on a <see cref="FakeTimeProvider"/> with a scripted probe:
/// each check happens when the test advances the clock by one interval and is applied when the test answers it.
/// </summary>
public sealed class TargetHealthCheckerTests : IAsyncDisposable
{
    private const int HealthyThreshold = 3;
    private const int UnhealthyThreshold = 2;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TargetKey A = new("i-0aaaaaaaaaaaaaaaa", 80);
    private static readonly TargetKey B = new("i-0bbbbbbbbbbbbbbbb", 80);
    private static readonly HealthProbeResult NotFound = HealthProbeResult.Mismatch(404);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly TargetRegistry _registry = new();
    private readonly ScriptedProbe _probe = new();
    private readonly List<TargetHealthChecker> _checkers = [];

    [Fact]
    public async Task Register_IsRegistrationInProgress_FirstCheckOneIntervalLater_HealthyAfterOnePass()
    {
        _registry.Set(A, TargetEndpoint.Reachable(41001, "10.0.1.10"));
        var checker = NewChecker();

        Assert.True(checker.Register(A));
        Assert.Equal((TargetHealthState.Initial, TargetHealthReasons.RegistrationInProgress), StateOf(checker, A));
        Assert.False(checker.Register(A), "registering twice is a no-op");

        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.Empty(_probe.Requests);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _probe.NextAsync(A);
        Assert.Equal((TargetHealthState.Initial, TargetHealthReasons.InitialHealthChecking), StateOf(checker, A));
        Assert.Equal(TargetHealthReasons.InitialHealthCheckingDescription, checker.GetHealth(A).Description);

        await AnswerNextAsync(A, HealthProbeResult.Pass, advance: false);

        var healthy = checker.GetHealth(A);
        Assert.Equal(TargetHealthState.Healthy, healthy.State);
        Assert.Null(healthy.Reason);
        Assert.Null(healthy.Description);
        Assert.Equal(_time.GetUtcNow(), healthy.Since);
        Assert.Equal([new RoutableTarget(A, 41001)], checker.Pool.RoutableTargets.ToArray());
    }

    [Fact]
    public async Task Check_AsksTheProbeWithTheTargetEndpointAndSettings()
    {
        var endpoint = TargetEndpoint.Reachable(41002, "10.0.1.23");
        _registry.Set(A, endpoint);
        var settings = Settings(path: "/health", matcher: "200,202");
        var checker = NewChecker(settings);
        checker.Register(A);

        var request = await AnswerNextAsync(A, HealthProbeResult.Pass);

        Assert.Equal(A, request.Target);
        Assert.Equal(endpoint, request.Endpoint);
        Assert.Equal(settings, request.Settings);
        Assert.True(request.Matcher.Matches(202));
        Assert.False(request.Matcher.Matches(204));
    }

    [Fact]
    public async Task Failures_MakeAnInitialTargetUnhealthyOnlyAtTheThreshold_ReasonFromTheFailure()
    {
        var checker = RegisteredChecker(A);

        await AnswerNextAsync(A, NotFound);
        Assert.Equal(TargetHealthState.Initial, checker.GetHealth(A).State);
        await AnswerNextAsync(A, NotFound);

        var health = checker.GetHealth(A);
        Assert.Equal(TargetHealthState.Unhealthy, health.State);
        Assert.Equal(TargetHealthReasons.ResponseCodeMismatch, health.Reason);
        Assert.Equal("Health checks failed with these codes: [404]", health.Description);
    }

    [Fact]
    public async Task Failures_MakeAHealthyTargetUnhealthyAtTheThreshold()
    {
        var checker = RegisteredChecker(A);
        await AnswerNextAsync(A, HealthProbeResult.Pass);

        await AnswerNextAsync(A, HealthProbeResult.ConnectionFailed);
        Assert.Equal(TargetHealthState.Healthy, checker.GetHealth(A).State);
        await AnswerNextAsync(A, HealthProbeResult.ConnectionFailed);

        Assert.Equal((TargetHealthState.Unhealthy, TargetHealthReasons.FailedHealthChecks), StateOf(checker, A));
    }

    [Fact]
    public async Task Unhealthy_ReturnsToHealthyOnlyAfterHealthyThresholdPasses_ReasonFollowsTheLatestFailure()
    {
        var checker = RegisteredChecker(A);
        await AnswerNextAsync(A, HealthProbeResult.Mismatch(500));
        await AnswerNextAsync(A, HealthProbeResult.Mismatch(500));
        Assert.Equal("Health checks failed with these codes: [500]", checker.GetHealth(A).Description);
        await AnswerNextAsync(A, HealthProbeResult.TimedOut);
        Assert.Equal((TargetHealthState.Unhealthy, TargetHealthReasons.Timeout), StateOf(checker, A));

        for (var pass = 1; pass < HealthyThreshold; pass++)
        {
            await AnswerNextAsync(A, HealthProbeResult.Pass);
            Assert.Equal(TargetHealthState.Unhealthy, checker.GetHealth(A).State);
        }

        await AnswerNextAsync(A, HealthProbeResult.Pass);
        Assert.Equal(TargetHealthState.Healthy, checker.GetHealth(A).State);
    }

    [Fact]
    public async Task BlockedTarget_IsProbedAsBlocked_AndATimeoutIsTargetTimeout()
    {
        _registry.Set(A, TargetEndpoint.Blocked("10.0.1.16"));
        var checker = NewChecker();
        checker.Register(A);

        var request = await AnswerNextAsync(A, HealthProbeResult.TimedOut);
        await AnswerNextAsync(A, HealthProbeResult.TimedOut);

        Assert.Equal(TargetReachability.Blocked, request.Endpoint.Reachability);
        var health = checker.GetHealth(A);
        Assert.Equal((TargetHealthState.Unhealthy, TargetHealthReasons.Timeout), (health.State, health.Reason));
        Assert.Equal("Request timed out", health.Description);
    }

    [Fact]
    public async Task StoppedInstance_IsUnusedInvalidStateAtOnce_NotProbed_AndInitialAgainAfterRestart()
    {
        var checker = RegisteredChecker(A);
        await AnswerNextAsync(A, HealthProbeResult.Pass);

        // The control plane's stop: mark not running, re-evaluate, then stop the server.
        _registry.Set(A, TargetEndpoint.NotRunning("stopped"));
        checker.Reevaluate();

        var stopped = checker.GetHealth(A);
        Assert.Equal((TargetHealthState.Unused, TargetHealthReasons.InvalidState), (stopped.State, stopped.Reason));
        Assert.Equal("Target is in the stopped state", stopped.Description);
        Assert.Empty(checker.Pool.RoutableTargets.ToArray());
        var checks = _probe.Requests.Count;
        _time.Advance(Interval * 3);
        Assert.Equal(checks, _probe.Requests.Count);

        _registry.Set(A, TargetEndpoint.Reachable(41001, "10.0.1.10"));
        checker.Reevaluate();

        Assert.Equal((TargetHealthState.Initial, TargetHealthReasons.InitialHealthChecking), StateOf(checker, A));
        await AnswerNextAsync(A, HealthProbeResult.Pass);
        Assert.Equal(TargetHealthState.Healthy, checker.GetHealth(A).State);
    }

    [Fact]
    public async Task ResultOfACheckStartedBeforeAStop_IsIgnored()
    {
        var checker = RegisteredChecker(A);
        _time.Advance(Interval);
        await _probe.NextAsync(A);

        _registry.Set(A, TargetEndpoint.NotRunning("stopping"));
        checker.Reevaluate();
        _registry.Set(A, TargetEndpoint.Reachable(41001, "10.0.1.10"));
        checker.Reevaluate();
        await AnswerNextAsync(A, HealthProbeResult.Pass, advance: false);

        Assert.Equal((TargetHealthState.Initial, TargetHealthReasons.InitialHealthChecking), StateOf(checker, A));
    }

    [Fact]
    public async Task Pool_OnlyHealthy_ThenFailOpenWhenAllUnhealthy()
    {
        var checker = RegisteredChecker(A, B);
        await AnswerBothAsync(HealthProbeResult.Pass, NotFound);
        await AnswerBothAsync(HealthProbeResult.Pass, NotFound);
        Assert.Equal((TargetHealthState.Unhealthy, TargetHealthState.Healthy), (checker.GetHealth(B).State, checker.GetHealth(A).State));
        Assert.Equal([new RoutableTarget(A, 41001)], checker.Pool.RoutableTargets.ToArray());

        await AnswerBothAsync(NotFound, NotFound);
        await AnswerBothAsync(NotFound, NotFound);

        Assert.Equal(TargetHealthState.Unhealthy, checker.GetHealth(A).State);
        Assert.Equal([A, B], checker.Pool.RoutableTargets.Select(t => t.Key));
    }

    [Fact]
    public async Task FailOpen_NeverIncludesStoppedTargets()
    {
        _registry.Set(A, TargetEndpoint.NotRunning("stopped"));
        _registry.Set(B, TargetEndpoint.Reachable(41002, "10.0.1.19"));
        var checker = NewChecker();
        checker.Register(A);
        checker.Register(B);

        await AnswerNextAsync(B, NotFound);
        await AnswerNextAsync(B, NotFound);

        Assert.Equal(TargetHealthState.Unhealthy, checker.GetHealth(B).State);
        Assert.Equal(TargetHealthState.Unused, checker.GetHealth(A).State);
        Assert.Equal([B], checker.Pool.RoutableTargets.Select(t => t.Key));
    }

    [Fact]
    public async Task Deregister_IsDrainingForTheDelay_NotChecked_ThenGone()
    {
        var checker = RegisteredChecker(A);
        Assert.Equal([A], checker.Pool.RoutableTargets.Select(t => t.Key)); // fail-open over the initial target

        Assert.True(checker.Deregister(A, TimeSpan.FromSeconds(300)));

        var draining = checker.GetHealth(A);
        Assert.Equal((TargetHealthState.Draining, TargetHealthReasons.DeregistrationInProgress), (draining.State, draining.Reason));
        Assert.Empty(checker.Pool.RoutableTargets.ToArray());
        Assert.False(checker.Deregister(A, TimeSpan.FromSeconds(300)), "already draining");

        _time.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal(TargetHealthState.Draining, checker.GetHealth(A).State);
        Assert.Empty(_probe.Requests);

        _time.Advance(TimeSpan.FromSeconds(1));
        await HealthWait.UntilAsync(checker, c => c.GetSnapshot().Count == 0, "A is gone");

        var gone = checker.GetHealth(A);
        Assert.Equal((TargetHealthState.Unused, TargetHealthReasons.NotRegistered), (gone.State, gone.Reason));
        Assert.Equal(TargetHealthReasons.NotRegisteredDescription, gone.Description);
    }

    [Fact]
    public void Deregister_ZeroDelay_RemovesAtOnce_UnknownTarget_ReturnsFalse()
    {
        var checker = RegisteredChecker(A);

        Assert.True(checker.Deregister(A, TimeSpan.Zero));

        Assert.Empty(checker.GetSnapshot());
        Assert.Equal(TargetHealthReasons.NotRegistered, checker.GetHealth(A).Reason);
        Assert.False(checker.Deregister(B, TimeSpan.Zero));
    }

    [Fact]
    public async Task Register_WhileDraining_StartsOverAsInitial_AndIsCheckedAgain()
    {
        var checker = RegisteredChecker(A);
        checker.Deregister(A, TimeSpan.FromSeconds(300));

        Assert.True(checker.Register(A));

        Assert.Equal((TargetHealthState.Initial, TargetHealthReasons.RegistrationInProgress), StateOf(checker, A));
        Assert.Equal([A], checker.Pool.RoutableTargets.Select(t => t.Key));
        await AnswerNextAsync(A, HealthProbeResult.Pass);
        _time.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal(TargetHealthState.Healthy, checker.GetHealth(A).State);
    }

    [Fact]
    public async Task SetInUse_False_ShowsNotInUse_NotChecked_True_ChecksAgain()
    {
        _registry.Set(A, TargetEndpoint.Reachable(41001, "10.0.1.25"));
        var checker = NewChecker(inUse: false);
        checker.Register(A);

        Assert.Equal((TargetHealthState.Unused, TargetHealthReasons.NotInUse), StateOf(checker, A));
        Assert.Equal(TargetHealthReasons.NotInUseDescription, checker.GetHealth(A).Description);
        Assert.Empty(checker.Pool.RoutableTargets.ToArray());
        _time.Advance(Interval * 2);
        Assert.False(_probe.IsPending(A));

        checker.SetInUse(true);
        Assert.Equal((TargetHealthState.Initial, TargetHealthReasons.RegistrationInProgress), StateOf(checker, A));
        await AnswerNextAsync(A, HealthProbeResult.Pass);
        Assert.Equal(TargetHealthState.Healthy, checker.GetHealth(A).State);

        checker.SetInUse(false);
        Assert.Equal(TargetHealthReasons.NotInUse, checker.GetHealth(A).Reason);
    }

    [Fact]
    public async Task NextRoute_AlternatesOverHealthyTargets_503WhenNone()
    {
        var checker = NewChecker();
        Assert.Equal(503, checker.Pool.NextRoute().StatusCode);
        _registry.Set(A, TargetEndpoint.Reachable(41001, "10.0.1.26"));
        _registry.Set(B, TargetEndpoint.Reachable(41002, "10.0.1.27"));
        checker.Register(A);
        checker.Register(B);
        await AnswerBothAsync(HealthProbeResult.Pass, HealthProbeResult.Pass);

        var ports = Enumerable.Range(0, 10).Select(_ => checker.Pool.NextRoute().Destination!.Port).ToArray();

        Assert.Equal([41001, 41002], ports.Distinct().Order());
        Assert.All(ports.Zip(ports.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void NextRoute_BlockedTarget_Answers504()
    {
        _registry.Set(A, TargetEndpoint.Blocked("10.0.1.28"));
        var checker = NewChecker();
        checker.Register(A);

        var decision = checker.Pool.NextRoute();

        Assert.Equal((RouteAction.Respond, 504), (decision.Action, decision.StatusCode));
    }

    [Fact]
    public async Task UpdateSettings_NewMatcherAndInterval_ApplyToRunningChecks()
    {
        var checker = RegisteredChecker(A);
        await AnswerNextAsync(A, NotFound);

        checker.UpdateSettings(Settings(matcher: "200,404", interval: TimeSpan.FromSeconds(10)));
        var request = await AnswerNextAsync(A, HealthProbeResult.Pass);

        Assert.True(request.Matcher.Matches(404));
        Assert.Equal("200,404", checker.Settings.Matcher);
        _time.Advance(TimeSpan.FromSeconds(10)); // the next check follows the new interval, not the old 30 s
        Assert.Equal(TimeSpan.FromSeconds(10), (await _probe.NextAsync(A)).Settings.Interval);
    }

    [Fact]
    public void UpdateSettings_Invalid_Throws_AndKeepsTheOldSettings()
    {
        var checker = NewChecker();

        Assert.Throws<ArgumentException>(() => checker.UpdateSettings(Settings(matcher: "abc")));
        Assert.Equal("200", checker.Settings.Matcher);
    }

    [Fact]
    public async Task Reevaluate_TargetMovedToAnotherPort_RoutesToTheNewPort()
    {
        var checker = RegisteredChecker(A);
        await AnswerNextAsync(A, HealthProbeResult.Pass);

        _registry.Set(A, TargetEndpoint.Reachable(41009, "10.0.1.10"));
        checker.Reevaluate();

        Assert.Equal([new RoutableTarget(A, 41009)], checker.Pool.RoutableTargets.ToArray());
        Assert.Equal(41009, checker.Pool.NextRoute().Destination!.Port);
    }

    [Fact]
    public async Task HealthChanged_IsRaisedOnEveryStateChange_NotOnAnUnchangedCheck()
    {
        var checker = RegisteredChecker(A);
        var raised = 0;
        checker.HealthChanged += (_, _) => Interlocked.Increment(ref raised);

        await AnswerNextAsync(A, HealthProbeResult.Pass); // initial checking, then healthy
        var afterHealthy = Volatile.Read(ref raised);
        await AnswerNextAsync(A, HealthProbeResult.Pass);

        Assert.Equal(2, afterHealthy);
        Assert.Equal(afterHealthy, Volatile.Read(ref raised));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var checker in _checkers)
        {
            await checker.DisposeAsync();
        }
    }

    private static (TargetHealthState State, string? Reason) StateOf(TargetHealthChecker checker, TargetKey key)
    {
        var health = checker.GetHealth(key);
        return (health.State, health.Reason);
    }

    private static TargetHealthCheckSettings Settings(string path = "/", string matcher = "200", TimeSpan? interval = null) =>
        new(path, interval ?? Interval, TimeSpan.FromSeconds(5), HealthyThreshold, UnhealthyThreshold, matcher);

    /// <summary>Advances one interval (unless told not to) and answers the next check of <paramref name="key"/>.</summary>
    private async Task<HealthProbeRequest> AnswerNextAsync(TargetKey key, HealthProbeResult result, bool advance = true)
    {
        if (advance)
        {
            _time.Advance(Interval);
        }

        return await _probe.AnswerAsync(key, result);
    }

    private async Task AnswerBothAsync(HealthProbeResult forA, HealthProbeResult forB)
    {
        _time.Advance(Interval);
        await _probe.AnswerAsync(A, forA);
        await _probe.AnswerAsync(B, forB);
    }

    private TargetHealthChecker RegisteredChecker(params TargetKey[] keys)
    {
        var checker = NewChecker();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            _registry.Set(key, TargetEndpoint.Reachable(41001 + i, $"10.0.1.{10 + i}"));
            checker.Register(key);
        }

        return checker;
    }

    private TargetHealthChecker NewChecker(TargetHealthCheckSettings? settings = null, bool inUse = true)
    {
        var checker = new TargetHealthChecker(settings ?? Settings(), _registry.Resolve, _probe, _time, inUse: inUse);
        _checkers.Add(checker);
        return checker;
    }
}
