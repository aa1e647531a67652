namespace AlbBuilder.Classroom.Tests.Quotas;

public sealed class QuotaReportTests
{
    [Fact]
    public void Shortfall_IsNamedWithWhatIsMissing()
    {
        var report = new QuotaReport([
            new QuotaCheck("application-load-balancers", 50, 45, 10, "DescribeAccountLimits"),
            new QuotaCheck("target-groups", 3000, 0, 10, "DescribeAccountLimits"),
        ]);

        Assert.False(report.Fits);
        var shortfall = Assert.Single(report.Shortfalls);
        Assert.Equal("application-load-balancers", shortfall.Quota);
        Assert.Contains("short by 5", new ClassroomQuotaException(report).Message, StringComparison.Ordinal);
    }
}
