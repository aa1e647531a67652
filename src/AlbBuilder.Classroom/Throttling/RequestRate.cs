using System.Globalization;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>A token bucket's size and refill rate.</summary>
/// <param name="Capacity">How many tokens the bucket holds (the burst).</param>
/// <param name="RefillPerSecond">How many tokens come back each second.</param>
internal readonly record struct RequestRate(double Capacity, double RefillPerSecond)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Capacity:0.##} tokens, {RefillPerSecond:0.###}/s");
}
