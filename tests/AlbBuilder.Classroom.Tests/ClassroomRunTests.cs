using AlbBuilder.Classroom.Quotas;
using AlbBuilder.Classroom.Running;
using AlbBuilder.ElasticLoadBalancingV2;
using Amazon.EC2;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace AlbBuilder.Classroom.Tests;

/// <summary>The classroom's own logic (concurrency, failure isolation, cancellation) over fake labs.</summary>
public sealed class ClassroomRunTests
{
    [Fact]
    public async Task StartAsync_OneLabFails_TheOthersServeAndItIsReportedWithItsError()
    {
        var failure = new AlbLabException("Lab c-b: CreateListener failed");
        var labs = new[] { FakeLab("c-a"), FakeLab("c-b", _ => Task.FromException(failure)), FakeLab("c-c") };
        var events = new List<ClassroomEvent>();
        await using var classroom = Classroom(labs, maxConcurrency: 3);

        var result = await classroom.StartAsync(new SyncProgress(events), CancellationToken.None);

        Assert.Equal((2, 1), (result.SucceededCount, result.FailedCount));
        Assert.Same(failure, Assert.Single(result.Failures).Error);
        Assert.Equal("b", result.Failures[0].Learner);
        Assert.StartsWith("Start: 2 of 3 labs succeeded in ", result.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(" s; failed: b", result.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            [ClassroomLabState.Queued, ClassroomLabState.Starting, ClassroomLabState.Failed],
            events.Where(e => e.Learner == "b").Select(e => e.State));
        Assert.Equal(ClassroomLabState.Serving, events.Last(e => e.Learner == "a").State);
        await labs[0].DidNotReceive().DestroyAsync(Arg.Any<IProgress<LabEvent>?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task StartAsync_StartsAtMostMaxConcurrencyLabsAtOnce()
    {
        var inFlight = 0;
        var most = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Start(CancellationToken ct)
        {
            most = Math.Max(most, Interlocked.Increment(ref inFlight));
            await release.Task.WaitAsync(ct);
            Interlocked.Decrement(ref inFlight);
        }

        var labs = Enumerable.Range(1, 5).Select(i => FakeLab($"c-{i}", Start)).ToArray();
        await using var classroom = Classroom(labs, maxConcurrency: 2);

        var start = classroom.StartAsync(null, CancellationToken.None);
        await WaitUntilAsync(() => Volatile.Read(ref inFlight) == 2);
        release.SetResult();
        var result = await start;

        Assert.Equal(2, most);
        Assert.True(result.AllSucceeded);
        Assert.Equal(5, result.Outcomes.Count);
    }

    [Fact]
    public async Task StartAsync_Cancelled_RollsBackEveryLabStartedOrStarting_AndStartsNoQueuedOne()
    {
        using var cts = new CancellationTokenSource();
        var serving = FakeLab("c-a");
        var starting = FakeLab("c-b", async ct =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct); // the lab's own StartAsync rolls back and throws on cancellation
        });
        var queued = FakeLab("c-c");
        var events = new List<ClassroomEvent>();
        await using var classroom = Classroom([serving, starting, queued], maxConcurrency: 2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => classroom.StartAsync(new SyncProgress(events), cts.Token));

        await serving.Received(1).DestroyAsync(Arg.Any<IProgress<LabEvent>?>(), Arg.Any<CancellationToken>());
        await starting.DidNotReceive().DestroyAsync(Arg.Any<IProgress<LabEvent>?>(), Arg.Any<CancellationToken>());
        await queued.DidNotReceive().StartAsync(Arg.Any<IProgress<LabEvent>?>(), Arg.Any<CancellationToken>());
        Assert.All(new[] { "a", "b", "c" }, l => Assert.Equal(ClassroomLabState.Cancelled, events.Last(e => e.Learner == l).State));
    }

    [Fact]
    public async Task DestroyAsync_OneLabFails_TheOthersAreStillDestroyed()
    {
        var stuck = FakeLab("c-b");
        stuck.DestroyAsync(Arg.Any<IProgress<LabEvent>?>(), Arg.Any<CancellationToken>()).ThrowsAsync(new AlbLabException("teardown incomplete"));
        var labs = new[] { FakeLab("c-a"), stuck, FakeLab("c-c") };
        await using var classroom = Classroom(labs, maxConcurrency: 1);

        var result = await classroom.DestroyAsync(null, CancellationToken.None);

        Assert.Equal(["b"], result.Failures.Select(f => f.Learner));
        await labs[2].Received(1).DestroyAsync(Arg.Any<IProgress<LabEvent>?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task VerifyTrafficAsync_OnlyServingLabs_AndAFailedRequestFailsThatLab()
    {
        var notStarted = FakeLab("c-a");
        notStarted.State.Returns(LabState.Failed);
        var serving = FakeLab("c-b");
        serving.State.Returns(LabState.Running);
        serving.VerifyTrafficAsync(Arg.Any<TrafficOptions?>(), Arg.Any<CancellationToken>())
            .Returns(new TrafficReport(new Uri("http://c-b/"), [new TrafficSample(DateTimeOffset.UnixEpoch, TimeSpan.Zero, 503, null, "HTTP 503")]));
        await using var classroom = Classroom([notStarted, serving], maxConcurrency: 2);

        var result = await classroom.VerifyTrafficAsync(null, null, CancellationToken.None);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal("b", outcome.Learner);
        Assert.False(outcome.Succeeded);
        Assert.NotNull(outcome.Traffic);
        await notStarted.DidNotReceive().VerifyTrafficAsync(Arg.Any<TrafficOptions?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DisposeAsync_DisposesEveryLab_EvenWhenOneThrows()
    {
        var throwing = FakeLab("c-a");
        throwing.DisposeAsync().Returns(ValueTask.FromException(new AlbLabException("could not remove")));
        var other = FakeLab("c-b");
        var classroom = Classroom([throwing, other], maxConcurrency: 1);

        await Assert.ThrowsAsync<AggregateException>(() => classroom.DisposeAsync().AsTask());

        await other.Received(1).DisposeAsync();
        await classroom.DisposeAsync(); // idempotent
        await other.Received(1).DisposeAsync();
    }

    private static IAlbLab FakeLab(string name, Func<CancellationToken, Task>? start = null)
    {
        var lab = Substitute.For<IAlbLab>();
        lab.Name.Returns(name);
        lab.StartAsync(Arg.Any<IProgress<LabEvent>?>(), Arg.Any<CancellationToken>())
            .Returns(call => start?.Invoke(call.ArgAt<CancellationToken>(1)) ?? Task.CompletedTask);
        return lab;
    }

    private static ClassroomResource Classroom(IReadOnlyList<IAlbLab> labs, int maxConcurrency)
    {
        var template = AlbLab.Create().WithAwsClients(Substitute.For<IAmazonEC2>(), Substitute.For<IAmazonElasticLoadBalancingV2>());
        var services = new ClassroomServices(template, AwsRequestRates.Default);
        var classroomLabs = labs.Select(l => new ClassroomLab(l.Name[2..], l)).ToList();
        return new ClassroomResource("c", classroomLabs, new ClassroomNeeds(labs.Count, 2, "t3.micro", null), services, maxConcurrency, quotaPreflight: false);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        Assert.True(condition());
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
    private sealed class SyncProgress(List<ClassroomEvent> events) : IProgress<ClassroomEvent>
    {
        public void Report(ClassroomEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
