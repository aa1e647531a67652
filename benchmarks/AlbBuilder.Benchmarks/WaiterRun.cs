namespace AlbBuilder.Benchmarks;

/// <summary>The polls one waiter step made: how many, and when the first and the last went out.</summary>
internal sealed record WaiterRun(string Step, int Polls, TimeSpan First, TimeSpan Last)
{
    /// <summary>
    /// The most polls the official schedule allows over the same span: the AWS waiters (waiters-2.json) wait at least
    /// 15 s between attempts (botocore: exactly 15 s; Smithy SDKs: 15 s growing to 120 s), scaled like every
    /// AWS duration in LocalCloud.
    /// </summary>
    public int OfficialMaxPolls(double scale) =>
        1 + (int)Math.Floor((Last - First).TotalMilliseconds / (15_000 * scale) + 1e-9);
}
