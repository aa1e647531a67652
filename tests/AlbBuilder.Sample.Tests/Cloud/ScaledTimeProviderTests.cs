using AlbBuilder.Sample.Cloud;

namespace AlbBuilder.Sample.Tests.Cloud;

public sealed class ScaledTimeProviderTests
{
    [Fact]
    public void ToReal_DividesLabTimeBySpeed()
    {
        var clock = new ScaledTimeProvider(50);

        Assert.Equal(TimeSpan.FromMilliseconds(100), clock.ToReal(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(12), clock.ToReal(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void ToReal_KeepsInfiniteAndZero()
    {
        var clock = new ScaledTimeProvider(50);

        Assert.Equal(Timeout.InfiniteTimeSpan, clock.ToReal(Timeout.InfiniteTimeSpan));
        Assert.Equal(TimeSpan.Zero, clock.ToReal(TimeSpan.Zero));
    }

    [Fact]
    public void Constructor_SlowerThanRealTime_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(0.5));
    }
}
