namespace AlbBuilder.Tests.Waiters;

/// <summary>A Random that always returns the same fraction, so the backoff schedule is known in advance.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
