namespace AlbBuilder.Classroom;

/// <summary>
/// The client-side request rates a classroom keeps to: one token bucket per service and action class, shared by every
/// lab in the process. SEAM STUB (lead): the clients helper fills in the buckets and their sources.
/// </summary>
public sealed class AwsRequestRates
{
    private AwsRequestRates(double speed)
    {
        Speed = speed;
    }

    /// <summary>Gets the rates AWS publishes (EC2) or a conservative documented rate (ELBv2), at AWS's own pace.</summary>
    public static AwsRequestRates Default { get; } = new(1.0);

    /// <summary>Gets how many times faster than AWS the buckets refill (1 on AWS; 1 ÷ the time scale on LocalCloud).</summary>
    public double Speed { get; }

    /// <summary>Returns these rates refilled <paramref name="speed"/> times faster, for an emulator whose time runs faster.</summary>
    /// <param name="speed">A positive factor.</param>
    /// <returns>The scaled rates.</returns>
    public AwsRequestRates Scaled(double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        return new AwsRequestRates(Speed * speed);
    }
}
