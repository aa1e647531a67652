using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AlbBuilder.Classroom.Quotas;

/// <summary>
/// The Running On-Demand Standard instances vCPU quota (Service Quotas L-1216C47A): the limit from
/// <see cref="QuotaLimits"/> (no EC2 call describes it), the vCPUs in use from DescribeInstances (pending and running
/// instances of the standard families) × DescribeInstanceTypes.
/// </summary>
internal static class VcpuQuota
{
    // The families the Standard quota covers: A, C, D, H, I, M, R, T, Z.
    private const string StandardFamilies = "acdhimrtz";

    private static readonly HashSet<string> OneVcpu = new(StringComparer.Ordinal) { "t1.micro", "t2.nano", "t2.micro", "t2.small", "m1.small", "m1.medium", "c1.medium" };

    public static async Task<QuotaCheck> CheckAsync(IAmazonEC2 ec2, ClassroomNeeds needs, QuotaLimits limits, CancellationToken cancellationToken)
    {
        var running = await RunningTypesAsync(ec2, cancellationToken).ConfigureAwait(false);
        var (vcpus, typesSource) = await VcpusAsync(ec2, [.. running.Distinct(StringComparer.Ordinal).Append(needs.InstanceType).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        var inUse = running.Where(IsStandard).Sum(type => vcpus[type]);
        var needed = IsStandard(needs.InstanceType) ? needs.Labs * needs.InstancesPerLab * vcpus[needs.InstanceType] : 0;
        return new QuotaCheck(
            $"on-demand-standard-vcpus ({needs.InstanceType}: {vcpus[needs.InstanceType]} each)",
            limits.OnDemandStandardVcpus,
            inUse,
            needed,
            $"QuotaLimits (Service Quotas L-1216C47A has no EC2 describe call); in use from DescribeInstances × {typesSource}");
    }

    private static bool IsStandard(string instanceType) =>
        instanceType.Length > 0 && StandardFamilies.Contains(char.ToLowerInvariant(instanceType[0]), StringComparison.Ordinal);

    private static async Task<List<string>> RunningTypesAsync(IAmazonEC2 ec2, CancellationToken cancellationToken)
    {
        var types = new List<string>();
        string? token = null;
        do
        {
            var page = await ec2.DescribeInstancesAsync(
                new DescribeInstancesRequest { Filters = [new Filter("instance-state-name", ["pending", "running"])], NextToken = token }, cancellationToken).ConfigureAwait(false);
            types.AddRange((page?.Reservations ?? []).SelectMany(r => r?.Instances ?? []).Select(i => i?.InstanceType?.Value).OfType<string>());
            token = page?.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return types;
    }

    private static async Task<(Dictionary<string, int> Vcpus, string Source)> VcpusAsync(IAmazonEC2 ec2, List<string> types, CancellationToken cancellationToken)
    {
        var vcpus = types.ToDictionary(type => type, FromSize, StringComparer.Ordinal);
        try
        {
            // DescribeInstanceTypes takes up to 100 types per call.
            foreach (var chunk in types.Chunk(100))
            {
                var response = await ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = [.. chunk] }, cancellationToken).ConfigureAwait(false);
                foreach (var info in response?.InstanceTypes ?? [])
                {
                    if (info?.InstanceType?.Value is { } type && info.VCpuInfo?.DefaultVCpus is { } count)
                    {
                        vcpus[type] = count;
                    }
                }
            }

            return (vcpus, "DescribeInstanceTypes");
        }
        catch (AmazonServiceException error) when (QuotaPreflight.IsNotServed(error))
        {
            return (vcpus, "the vCPUs of the type's size (DescribeInstanceTypes not served)");
        }
    }

    /// <summary>The vCPUs of a type from its size (<c>large</c> 2, <c>xlarge</c> 4, <c>Nxlarge</c> 4·N), when AWS cannot be asked.</summary>
    internal static int FromSize(string instanceType)
    {
        if (OneVcpu.Contains(instanceType))
        {
            return 1;
        }

        var size = instanceType[(instanceType.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return size switch
        {
            "xlarge" => 4,
            "metal" => 96,
            _ when size.EndsWith("xlarge", StringComparison.Ordinal)
                && int.TryParse(size.AsSpan(0, size.Length - "xlarge".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => 4 * n,
            _ => 2,
        };
    }
}
