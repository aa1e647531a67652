using AlbBuilder.LocalCloud.DataPlane;

namespace AlbBuilder.LocalCloud.Tests.DataPlane;

/// <summary>Awaits a condition on a checker's state, re-evaluated on every HealthChanged event (no polling sleeps).</summary>
internal static class HealthWait
{
    /// <summary>Generous safety net on a shared 2-core machine; a passing test needs far less.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static async Task UntilAsync(TargetHealthChecker checker, Func<TargetHealthChecker, bool> condition, string what)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, EventArgs e)
        {
            if (condition(checker))
            {
                signal.TrySetResult();
            }
        }

        checker.HealthChanged += OnChanged;
        try
        {
            if (condition(checker))
            {
                return;
            }

            try
            {
                await signal.Task.WaitAsync(Limit);
            }
            catch (TimeoutException)
            {
                var states = string.Join("; ", checker.GetSnapshot().Select(s => $"{s.Key} {s.StateValue} {s.Reason} {s.Description}"));
                Assert.Fail($"Timed out waiting until {what}. Targets: {states}");
            }
        }
        finally
        {
            checker.HealthChanged -= OnChanged;
        }
    }

    public static Task UntilStateAsync(TargetHealthChecker checker, TargetKey key, TargetHealthState state) =>
        UntilAsync(checker, c => c.GetHealth(key).State == state, $"{key} is {state.ToWireValue()}");
}
