using AlbBuilder.Waiters;

namespace AlbBuilder.Tests.Waiters;

public sealed class WaiterBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Plenty = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void NextDelay_FirstAttempt_IsTheMinimumDelay(double jitter)
    {
        Assert.Equal(Min, WaiterBackoff.NextDelay(1, Min, Max, Plenty, new FixedRandom(jitter)));
    }

    [Theory]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(4, 120)]
    [InlineData(5, 120)]
    [InlineData(1_000, 120)]
    [InlineData(int.MaxValue, 120)]
    public void NextDelay_TopOfTheJitter_IsTheExponentialCeilingCappedAtMax(int attempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), WaiterBackoff.NextDelay(attempt, Min, Max, Plenty, new FixedRandom(1.0)));
    }

    [Fact]
    public void NextDelay_HalfJitter_IsHalfwayBetweenMinAndCeiling()
    {
        // Attempt 3: ceiling 60 s, so halfway is 37.5 s.
        Assert.Equal(TimeSpan.FromSeconds(37.5), WaiterBackoff.NextDelay(3, Min, Max, Plenty, new FixedRandom(0.5)));
    }

    [Fact]
    public void NextDelay_SeededRandom_StaysWithinMinAndMaxForEveryAttempt()
    {
        var random = new Random(12345);
        var seen = new HashSet<TimeSpan>();
        for (var attempt = 1; attempt <= 200; attempt++)
        {
            var delay = WaiterBackoff.NextDelay(attempt, Min, Max, Plenty, random);
            Assert.InRange(delay, Min, Max);
            Assert.True(delay <= TimeSpan.FromTicks((long)Math.Min(Max.Ticks, Min.Ticks * Math.Pow(2, attempt - 1))));
            seen.Add(delay);
        }

        // Jitter actually varies the delays.
        Assert.True(seen.Count > 100);
    }

    [Fact]
    public void NextDelay_LittleTimeRemaining_IsShortenedToLandOnTheDeadline()
    {
        var remaining = TimeSpan.FromSeconds(4);

        Assert.Equal(remaining, WaiterBackoff.NextDelay(6, Min, Max, remaining, new FixedRandom(0.7)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task WaitAsync_SeededJitter_NeverCallsAfterTheDeadlineAndLastCallLandsOnIt(int seed)
    {
        var clock = new WaiterClock();
        var operation = new ScriptedOperation(clock.Time, "working");
        var definition = new WaiterDefinition<string[]>(
            "Forever",
            [WaiterAcceptor<string[]>.PathAll(states => states, "done", WaiterState.Success)],
            states => [.. states.Select(state => new ObservedState("r", state))]);
        var options = clock.Options() with { Random = new Random(seed), Timeout = TimeSpan.FromMinutes(7) };

        await Assert.ThrowsAsync<WaiterTimeoutException>(() => clock.RunAsync(Waiter.WaitAsync(definition, operation.InvokeAsync, options), TimeSpan.FromSeconds(1)));

        var start = operation.CallTimes[0];
        var gaps = operation.CallTimes.Zip(operation.CallTimes.Skip(1), (a, b) => b - a).ToArray();
        Assert.Equal(start + TimeSpan.FromMinutes(7), operation.CallTimes[^1]);
        Assert.All(gaps[..^1], gap => Assert.InRange(gap, Min, Max));
        Assert.InRange(gaps[^1], TimeSpan.FromTicks(1), Max);
    }
}
