using AlbBuilder.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AlbBuilder.Reliability.Tests.Faults;

/// <summary>
/// The fault matrix, generated from the lab's own plan: every mutating call StartAsync makes × {throttled twice,
/// HTTP 500 twice, access denied for good}. Transient faults must not stop the lab; a permanent one must fail the
/// start with an <see cref="AlbLabException"/> naming the step and leave LocalCloud empty.
/// </summary>
public sealed class FaultMatrixTests(ITestOutputHelper output)
{
    /// <summary>
    /// 6 instances over the 5 AZs of us-east-1 that offer the default t3.micro (us-east-1e does not): one AZ gets two, so
    /// the per-instance CreateTags (TagInstances) is in the plan too.
    /// </summary>
    private const int Instances = 6;
    private const int TransientRepeats = 2;

    private static AlbLabBuilder Configure(CloudRig rig) => rig.Lab("matrix").WithInstances(Instances);

    [Fact]
    public async Task EveryMutatingCall_TransientFaultIsRetried_PermanentFaultRollsBackToEmpty()
    {
        var plan = await LabPlan.RecordAsync(Configure);
        output.WriteLine($"Recorded plan: {plan.Count} mutating calls: {string.Join(", ", plan.Select(p => p.Call))}");
        Assert.Contains(plan, p => p.Call.Operation == "RunInstances");
        Assert.Contains(plan, p => p.Call.Operation == "CreateTags");

        var cases = plan.SelectMany(p => Enum.GetValues<FaultKind>().Select(kind => (Target: p, Kind: kind))).ToList();
        var results = await Bounded.RunAsync(cases, c => GuardedAsync(plan, c.Target, c.Kind));

        foreach (var result in results)
        {
            output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} {result.Name}: {result.Detail}");
        }

        var passed = results.Count(r => r.Passed);
        var orphans = results.Count(r => r.Orphans);
        output.WriteLine($"FAULT MATRIX: {plan.Count} mutating calls x {Enum.GetValues<FaultKind>().Length} faults = {results.Count} cases, {passed} passed, {orphans} left resources behind");
        Assert.True(passed == results.Count, string.Join(Environment.NewLine, results.Where(r => !r.Passed).Select(r => $"{r.Name}: {r.Detail}")));
        Assert.Equal(0, orphans);
    }

    /// <summary>A case that has not finished after 90 s is reported with its last events instead of hanging the suite.</summary>
    private static async Task<FaultCaseResult> GuardedAsync(IReadOnlyList<PlannedCall> plan, PlannedCall target, FaultKind kind)
    {
        var events = new EventLog();
        try
        {
            return await RunCaseAsync(plan, target, kind, events).WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            var last = events.Events.TakeLast(6).Select(e => $"{e.Step} {e.Kind}: {e.Message}");
            return new FaultCaseResult($"{kind} at {target.Call}", false, "no result within 90 s; last events: " + string.Join(" | ", last), true);
        }
    }

    private static async Task<FaultCaseResult> RunCaseAsync(IReadOnlyList<PlannedCall> plan, PlannedCall target, FaultKind kind, EventLog events)
    {
        var name = $"{kind} at {target.Call}";
        var operation = target.Call.Operation;
        await using var rig = await CloudRig.StartAsync();
        var injected = 0;
        rig.Recorder.BeforeSend = call =>
        {
            if (call.Operation != operation || call.Occurrence != target.Call.Occurrence)
            {
                return;
            }

            injected++;
            switch (kind)
            {
                case FaultKind.Throttle:
                    rig.Cloud.Faults.Throttle(operation, TransientRepeats);
                    break;
                case FaultKind.InternalError:
                    rig.Cloud.Faults.InternalError(operation, TransientRepeats);
                    break;
                default:
                    var ec2 = call.Service == "ec2";
                    rig.Cloud.Faults.FailNext(operation, 1000, ec2 ? "UnauthorizedOperation" : "AccessDenied", 403, $"Injected: not authorized to perform {operation}");
                    break;
            }
        };

        var lab = Configure(rig).Build();
        try
        {
            await lab.StartAsync(events);
        }
        catch (Exception ex) when (kind == FaultKind.Permanent && ex is AlbLabException failure)
        {
            rig.Recorder.BeforeSend = null;
            var inventory = rig.Inventory;
            var candidates = plan.Where(p => p.Call.Operation == operation && p.Call.Occurrence >= target.Call.Occurrence).SelectMany(p => p.ActiveSteps).ToHashSet(StringComparer.Ordinal);
            var problems = new List<string>();
            if (!inventory.IsEmpty)
            {
                problems.Add("left: " + inventory);
            }

            if (failure.Step is null || !candidates.Contains(failure.Step.Value.ToString()))
            {
                problems.Add($"step {failure.Step?.ToString() ?? "(null)"} is not one that calls {operation} ({string.Join("/", candidates)})");
            }
            else if (!failure.Message.Contains($"step {failure.Step} failed", StringComparison.Ordinal))
            {
                problems.Add("the message does not name the step: " + failure.Message);
            }

            if (!failure.Message.Contains(operation, StringComparison.Ordinal))
            {
                problems.Add("the message does not carry the cause: " + failure.Message);
            }

            if (failure.Created.Count > 0 && failure.Removed.Count == 0)
            {
                problems.Add("created resources but removed none: " + failure.Message);
            }

            return new FaultCaseResult(name, problems.Count == 0 && injected == 1, problems.Count == 0 ? $"step {failure.Step}, created {failure.Created.Count}, removed {failure.Removed.Count}" : string.Join("; ", problems), !inventory.IsEmpty);
        }
        catch (Exception ex)
        {
            return new FaultCaseResult(name, false, $"{ex.GetType().Name}: {ex.Message}", !rig.Inventory.IsEmpty);
        }

        rig.Recorder.BeforeSend = null;
        if (kind == FaultKind.Permanent)
        {
            return new FaultCaseResult(name, false, $"the start succeeded although {operation} always fails (injected {injected})", false);
        }

        var counts = InventoryCounts.Of(rig.Inventory);
        var expectedCalls = plan.Count(p => p.Call.Operation == operation) + TransientRepeats;
        var actualCalls = rig.Cloud.Calls[operation];
        await lab.DestroyAsync(events);
        var left = rig.Inventory;
        var ok = counts == InventoryCounts.Lab(Instances) && injected == 1 && actualCalls == expectedCalls && left.IsEmpty;
        return new FaultCaseResult(
            name,
            ok,
            $"running with {counts}, {operation} called {actualCalls} time(s) (expected {expectedCalls}), after destroy: {(left.IsEmpty ? "empty" : left)}",
            !left.IsEmpty);
    }
}
