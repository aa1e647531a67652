using AlbBuilder.Classroom.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace AlbBuilder.Classroom.Tests.Throttling;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Take_WithinBurst_DoesNotWait()
    {
        var bucket = new TokenBucket(new RequestRate(3, 1), _time);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(bucket.TakeAsync(1, CancellationToken.None).IsCompletedSuccessfully);
        }

        Assert.Equal(0, bucket.Available, 6);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Take_BeyondBurst_WaitsForItsRefill()
    {
        var bucket = new TokenBucket(new RequestRate(2, 4), _time);
        await bucket.TakeAsync(2, CancellationToken.None);

        var third = bucket.TakeAsync(1, CancellationToken.None).AsTask();
        var fourth = bucket.TakeAsync(1, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(third.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(fourth.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(250));
        await fourth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Refill_NeverExceedsTheBucketSize()
    {
        var bucket = new TokenBucket(new RequestRate(5, 10), _time);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(5, bucket.Available, 6);
    }

    [Fact]
    public async Task Take_Cancelled_ThrowsAndGivesTheTokensBack()
    {
        var bucket = new TokenBucket(new RequestRate(1, 1), _time);
        await bucket.TakeAsync(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = bucket.TakeAsync(1, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, bucket.Available, 6);
        var next = bucket.TakeAsync(1, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Take_AlreadyCancelled_Throws()
    {
        var bucket = new TokenBucket(new RequestRate(1, 1), _time);

        Assert.ThrowsAny<OperationCanceledException>(() => bucket.TakeAsync(1, new CancellationToken(canceled: true)).AsTask().GetAwaiter().GetResult());
        Assert.Equal(1, bucket.Available, 6);
    }

    [Fact]
    public async Task ScaledRates_RefillSpeedTimesFaster()
    {
        var rate = AwsRequestRates.Default.Scaled(50).RateOf(RequestBucket.Ec2NonMutating);
        var bucket = new TokenBucket(rate, _time);
        await bucket.TakeAsync(rate.Capacity, CancellationToken.None);

        // 20 per second on AWS, 90 % of it on the client, 50 times faster: 900 per second.
        var next = bucket.TakeAsync(9, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(9));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
