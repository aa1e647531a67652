using AlbBuilder.Building;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using AlbBuilder.Provisioning;
using AlbBuilder.Tests.Waiters;
using AlbBuilder.Waiters;
using Amazon.EC2;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AlbBuilder.Tests.Provisioning;

/// <summary>
/// The targets-healthy wait ends early when its health check can never pass (<see cref="LabTargetGroupHealth"/>):
/// a wrong path (4xx for several intervals) or a port nothing listens on (refused for a third of the timeout).
/// </summary>
public sealed class HealthCheckFailFastTests
{
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/demo-tg/1";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly IAmazonElasticLoadBalancingV2 _elb = Substitute.For<IAmazonElasticLoadBalancingV2>();

    [Fact]
    public async Task WaitHealthyAsync_WrongPath404_EndsAfterSeveralIntervalsNamingThePathAndTheFix()
    {
        Answer(("i-1", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]"), ("i-2", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]"));

        var wait = WaitAsync(b => b.WithHealthCheck(h => h with { Path = "/health" }));
        await AdvanceUntilDoneAsync(wait);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => wait);
        Assert.Contains("GET /health", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[404]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Path = \"/\"", ex.Message, StringComparison.Ordinal);
        var waited = Elapsed();
        Assert.InRange(waited, TimeSpan.FromSeconds(LabTargetGroupHealth.Intervals * 5), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task WaitHealthyAsync_RefusedOnTheTrafficPort_EndsAfterTheBootAllowanceNamingThePort()
    {
        Answer(("i-1", "unhealthy", "Target.FailedHealthChecks", "Health checks failed"), ("i-2", "unhealthy", "Target.FailedHealthChecks", "Health checks failed"));

        var wait = WaitAsync(b => b.WithTargetPort(8080));
        await AdvanceUntilDoneAsync(wait);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => wait);
        Assert.Contains("port 8080", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithTargetPort", ex.Message, StringComparison.Ordinal);
        Assert.InRange(Elapsed(), Timeout / 3, Timeout / 2);
    }

    [Fact]
    public async Task WaitHealthyAsync_RefusedWhileTheUserDataInstallsTheServer_ThenHealthy_Completes()
    {
        var refused = Health(("i-1", "unhealthy", "Target.FailedHealthChecks", "Health checks failed"), ("i-2", "unhealthy", "Target.FailedHealthChecks", "Health checks failed"));
        var calls = 0;
        _elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>())
            .Returns(_ => Elapsed() < TimeSpan.FromMinutes(2) ? refused : Health(("i-1", "healthy", null, null), ("i-2", "healthy", null, null)))
            .AndDoes(_ => calls++);

        var wait = WaitAsync(b => b);
        await AdvanceUntilDoneAsync(wait);

        await wait;
        Assert.True(calls > LabTargetGroupHealth.MinimumObservations);
    }

    [Theory]
    [InlineData("Target.Timeout", "Request timed out")]
    [InlineData("Target.ResponseCodeMismatch", "Health checks failed with these codes: [503]")]
    public async Task WaitHealthyAsync_TimeoutOr5xx_NotDefinitive_WaitsTheWholeTimeout(string reason, string description)
    {
        Answer(("i-1", "unhealthy", reason, description), ("i-2", "unhealthy", reason, description));

        var wait = WaitAsync(b => b, TimeSpan.FromMinutes(3));
        await AdvanceUntilDoneAsync(wait);

        await Assert.ThrowsAsync<WaiterTimeoutException>(() => wait);
        Assert.True(Elapsed() >= TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task WaitHealthyAsync_OneTargetStillInitial_DoesNotEndEarly()
    {
        Answer(("i-1", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [404]"), ("i-2", "initial", "Elb.InitialHealthChecking", null));

        var wait = WaitAsync(b => b, TimeSpan.FromMinutes(3));
        await AdvanceUntilDoneAsync(wait);

        await Assert.ThrowsAsync<WaiterTimeoutException>(() => wait);
    }

    [Fact]
    public async Task WaitHealthyAsync_OneHealthyOneWrongPath_EndsEarly()
    {
        Answer(("i-1", "healthy", null, null), ("i-2", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [301]"));

        var wait = WaitAsync(b => b);
        await AdvanceUntilDoneAsync(wait);

        var ex = await Assert.ThrowsAsync<AlbLabException>(() => wait);
        Assert.Contains("i-2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("i-1", ex.Message, StringComparison.Ordinal);
    }

    private TimeSpan Elapsed() => _time.GetUtcNow() - DateTimeOffset.UnixEpoch;

    private void Answer(params (string Id, string State, string? Reason, string? Description)[] targets) =>
        _elb.DescribeTargetHealthAsync(Arg.Any<DescribeTargetHealthRequest>(), Arg.Any<CancellationToken>()).Returns(Health(targets));

    private Task WaitAsync(Func<AlbLabBuilder, AlbLabBuilder> configure, TimeSpan? timeout = null)
    {
        var definition = configure(AlbLab.Create("demo").WithPolling(TimeSpan.FromSeconds(5))).BuildDefinition();
        var services = new LabServices(() => Substitute.For<IAmazonEC2>(), () => _elb, ownsClients: false, _time);
        return LabTargetGroup.WaitHealthyAsync(new LabContext(definition, services), TargetGroupArn, ["i-1", "i-2"], timeout ?? Timeout, null, afterInstanceStart: false, CancellationToken.None);
    }

    private async Task AdvanceUntilDoneAsync(Task wait)
    {
        for (var i = 0; i < 10_000 && !wait.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await WaiterClock.SettleAsync();
        }

        Assert.True(wait.IsCompleted, "The wait did not finish.");
    }

    private static DescribeTargetHealthResponse Health(params (string Id, string State, string? Reason, string? Description)[] targets) => new()
    {
        TargetHealthDescriptions = targets.Select(t => new TargetHealthDescription
        {
            Target = new TargetDescription { Id = t.Id, Port = 80 },
            TargetHealth = new TargetHealth
            {
                State = TargetHealthStateEnum.FindValue(t.State),
                Reason = t.Reason is null ? null : TargetHealthReasonEnum.FindValue(t.Reason),
                Description = t.Description,
            },
        }).ToList(),
    };
}
