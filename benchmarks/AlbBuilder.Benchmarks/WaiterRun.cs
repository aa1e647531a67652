namespace AlbBuilder.Benchmarks;

/// <summary>The polls one waiter step made: how many, and when the first and the last went out.</summary>
internal sealed record WaiterRun(LabStep Step, int Polls, TimeSpan First, TimeSpan Last)
{
    /// <summary>
    /// The most polls the official schedule allows over the same span: the AWS waiters (waiters-2.json) wait at least
    /// 15 s between attempts (botocore: exactly 15 s; Smithy SDKs: 15 s growing to 120 s), scaled like every
    /// AWS duration in LocalCloud.
    /// </summary>
    /// <remarks>
    /// The span runs from the first poll's event to the last one's, each reported when its response arrived, so it is
    /// short by the variation in response time: a tolerance of 5 % of the official delay absorbs that.
    /// </remarks>
    public int OfficialMaxPolls(double scale) =>
        1 + (int)Math.Floor((Last - First).TotalMilliseconds / (15_000 * scale * 0.95));
}
