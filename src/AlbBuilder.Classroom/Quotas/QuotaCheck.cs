namespace AlbBuilder.Classroom;

/// <summary>One account limit compared with what a classroom needs.</summary>
public sealed class QuotaCheck
{
    /// <summary>Creates a check.</summary>
    /// <param name="quota">The limit's name, e.g. <c>application-load-balancers</c>.</param>
    /// <param name="limit">The account's limit.</param>
    /// <param name="inUse">How much of it is already used.</param>
    /// <param name="needed">How much the classroom needs.</param>
    /// <param name="source">Where the limit came from (an API call, or a documented default when AWS offers no describe call).</param>
    public QuotaCheck(string quota, int limit, int inUse, int needed, string source)
    {
        Quota = quota;
        Limit = limit;
        InUse = inUse;
        Needed = needed;
        Source = source;
    }

    /// <summary>Gets the limit's name.</summary>
    public string Quota { get; }

    /// <summary>Gets the account's limit.</summary>
    public int Limit { get; }

    /// <summary>Gets how much is in use already.</summary>
    public int InUse { get; }

    /// <summary>Gets how much the classroom needs.</summary>
    public int Needed { get; }

    /// <summary>Gets where the limit came from.</summary>
    public string Source { get; }

    /// <summary>Gets whether what is needed fits in what is left.</summary>
    public bool Fits => InUse + Needed <= Limit;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Quota}: need {Needed}, {InUse} of {Limit} in use — {(Fits ? "fits" : $"short by {InUse + Needed - Limit}")} ({Source})";
}
