namespace AlbBuilder.Classroom;

/// <summary>The quota pre-flight's findings: every limit checked, and whether the classroom fits.</summary>
public sealed class QuotaReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="checks">The limits checked.</param>
    public QuotaReport(IEnumerable<QuotaCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        Checks = [.. checks];
    }

    /// <summary>Gets every limit checked.</summary>
    public IReadOnlyList<QuotaCheck> Checks { get; }

    /// <summary>Gets whether every check fits.</summary>
    public bool Fits => Checks.All(c => c.Fits);

    /// <summary>Gets the checks that do not fit.</summary>
    public IReadOnlyList<QuotaCheck> Shortfalls => [.. Checks.Where(c => !c.Fits)];

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, Checks);
}
