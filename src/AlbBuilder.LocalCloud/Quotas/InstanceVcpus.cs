using System.Globalization;

namespace AlbBuilder.LocalCloud.Quotas;

/// <summary>
/// The vCPUs of an instance type, as the vCPU quota counts them: from the size (<c>large</c> 2, <c>xlarge</c> 4,
/// <c>Nxlarge</c> 4·N, <c>metal</c> 96), with the one-vCPU types of the older generations named.
/// </summary>
internal static class InstanceVcpus
{
    private static readonly HashSet<string> _oneVcpu = new(StringComparer.Ordinal)
    {
        "t1.micro", "t2.nano", "t2.micro", "t2.small", "m1.small", "m1.medium", "c1.medium",
    };

    public static int Of(string instanceType)
    {
        if (_oneVcpu.Contains(instanceType))
        {
            return 1;
        }

        var size = instanceType[(instanceType.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return size switch
        {
            "nano" or "micro" or "small" or "medium" or "large" => 2,
            "xlarge" => 4,
            "metal" => 96,
            _ when size.EndsWith("xlarge", StringComparison.Ordinal)
                && int.TryParse(size.AsSpan(0, size.Length - "xlarge".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is > 0 and <= 48 => 4 * n,
            _ => 2,
        };
    }
}
