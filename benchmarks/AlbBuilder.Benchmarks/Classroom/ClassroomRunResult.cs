namespace AlbBuilder.Benchmarks.Classroom;

/// <summary>One classroom run on a fresh LocalCloud: K labs started, checked and destroyed, and what the cloud saw.</summary>
/// <param name="Labs">K, the number of labs (learners).</param>
/// <param name="Serving">Wall-clock time of <c>StartAsync</c> (until it returned with every lab serving, or failed).</param>
/// <param name="Verify">Wall-clock time of <c>VerifyTrafficAsync</c>.</param>
/// <param name="Teardown">Wall-clock time of <c>DestroyAsync</c>.</param>
/// <param name="StartCalls">Calls LocalCloud received during the start (throttled answers included).</param>
/// <param name="RunCalls">Calls LocalCloud received during the whole run: start, verification and teardown.</param>
/// <param name="StartThrottled">Throttled answers LocalCloud sent during the start.</param>
/// <param name="RunThrottled">Throttled answers LocalCloud sent during the whole run.</param>
/// <param name="ServingLabs">Labs that started (their start outcome succeeded).</param>
/// <param name="VerifiedLabs">Labs whose every request was answered and every instance answered.</param>
/// <param name="Errors">Every error that reached the caller: failed labs' errors and exceptions out of the classroom.</param>
/// <param name="Inventory">What LocalCloud still held after <c>DestroyAsync</c> (its <c>ToString()</c>).</param>
/// <param name="InventoryEmpty">Whether nothing was left.</param>
/// <param name="Memory">The process's memory right after the start.</param>
/// <param name="ThrottledByOperation">Throttled answers per operation over the whole run.</param>
/// <param name="CallsByOperation">Calls per operation over the whole run.</param>
internal sealed record ClassroomRunResult(
    int Labs,
    TimeSpan Serving,
    TimeSpan Verify,
    TimeSpan Teardown,
    int StartCalls,
    int RunCalls,
    int StartThrottled,
    int RunThrottled,
    int ServingLabs,
    int VerifiedLabs,
    IReadOnlyList<SurfacedError> Errors,
    string Inventory,
    bool InventoryEmpty,
    ProcessMemory Memory,
    IReadOnlyDictionary<string, int> ThrottledByOperation,
    IReadOnlyDictionary<string, int> CallsByOperation)
{
    /// <summary>Surfaced errors caused by throttling (<c>RequestLimitExceeded</c>, <c>Throttling</c>).</summary>
    public int ThrottlingErrors => Errors.Count(e => e.IsThrottling);

    public double StartCallsPerLab => (double)StartCalls / Labs;

    public double RunCallsPerLab => (double)RunCalls / Labs;
}

/// <summary>An error the benchmark (the classroom's user) saw: where, and whether throttling caused it.</summary>
/// <param name="Operation">Start, VerifyTraffic or Destroy.</param>
/// <param name="Lab">The lab, or null for an exception out of the whole operation.</param>
/// <param name="Message">The error's message (first line).</param>
/// <param name="IsThrottling">Whether a throttling error is in its chain of causes.</param>
internal sealed record SurfacedError(string Operation, string? Lab, string Message, bool IsThrottling);

/// <summary>The process's resident set (what the OS counts) and the managed heap after a full GC.</summary>
/// <param name="WorkingSetBytes">RSS (<c>Process.WorkingSet64</c>).</param>
/// <param name="ManagedHeapBytes"><c>GC.GetTotalMemory(forceFullCollection: true)</c>.</param>
internal sealed record ProcessMemory(long WorkingSetBytes, long ManagedHeapBytes);
