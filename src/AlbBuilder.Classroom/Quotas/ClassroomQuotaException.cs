namespace AlbBuilder.Classroom;

/// <summary>The quota pre-flight found that the classroom would not fit in the account's limits; nothing was created.</summary>
public sealed class ClassroomQuotaException : Exception
{
    /// <summary>Creates the exception from the pre-flight's report.</summary>
    /// <param name="report">The report, with at least one shortfall.</param>
    public ClassroomQuotaException(QuotaReport report)
        : base(Describe(report))
    {
        Report = report;
    }

    /// <summary>Gets the pre-flight's report.</summary>
    public QuotaReport Report { get; }

    private static string Describe(QuotaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return "The classroom does not fit in the account's limits; nothing was created. "
            + string.Join("; ", report.Shortfalls) + ". Ask for a quota increase (Service Quotas) or start fewer labs.";
    }
}
