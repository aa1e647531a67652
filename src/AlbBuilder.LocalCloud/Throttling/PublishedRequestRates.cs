namespace AlbBuilder.LocalCloud.Throttling;

/// <summary>
/// AWS's published request-rate buckets for the actions LocalCloud serves, as (capacity, refill per second).
/// EC2: "Request throttling for the Amazon EC2 API" (docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html):
/// one bucket per action, sized by its category, plus resource buckets counted in instances.
/// ELBv2: "Request throttling for the Elastic Load Balancing API"
/// (docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html): one bucket per category, and an
/// account-level bucket every action shares.
/// </summary>
internal static class PublishedRequestRates
{
    /// <summary>EC2's non-mutating actions (<c>Describe*</c>, …): 100 tokens, 20 a second.</summary>
    public static readonly BucketSize Ec2NonMutating = new(100, 20);

    /// <summary>EC2's unfiltered and unpaginated non-mutating actions (DescribeInstances, DescribeSecurityGroups, … without a filter or paging): 50, 10.</summary>
    public static readonly BucketSize Ec2Unfiltered = new(50, 10);

    /// <summary>EC2's mutating actions: 50, 5.</summary>
    public static readonly BucketSize Ec2Mutating = new(50, 5);

    /// <summary>EC2's resource-intensive actions (Authorize/RevokeSecurityGroupIngress, …): 50, 5, apart from the other mutating ones.</summary>
    public static readonly BucketSize Ec2ResourceIntensive = new(50, 5);

    /// <summary>ELBv2's account-level bucket, shared by every ELBv2 action: 40, 10.</summary>
    public static readonly BucketSize Elbv2Account = new(40, 10);

    /// <summary>The EC2 actions AWS lists among the unfiltered and unpaginated non-mutating ones that LocalCloud serves.</summary>
    private static readonly HashSet<string> _ec2UnfilteredSubset = new(StringComparer.Ordinal) { "DescribeInstances", "DescribeSecurityGroups" };

    private static readonly HashSet<string> _ec2ResourceIntensive = new(StringComparer.Ordinal) { "AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress" };

    /// <summary>EC2's "uncategorized actions" LocalCloud serves, each with its own size.</summary>
    private static readonly Dictionary<string, BucketSize> _ec2Uncategorized = new(StringComparer.Ordinal)
    {
        ["RunInstances"] = new(5, 2),
        ["StartInstances"] = new(5, 2),
        ["TerminateInstances"] = new(100, 5),
        ["CreateTags"] = new(100, 10),
        ["DeleteTags"] = new(100, 10),
    };

    /// <summary>EC2's resource token buckets, counted in instances.</summary>
    private static readonly Dictionary<string, BucketSize> _ec2Resource = new(StringComparer.Ordinal)
    {
        ["RunInstances"] = new(1000, 2),
        ["TerminateInstances"] = new(1000, 20),
        ["StartInstances"] = new(1000, 2),
        ["StopInstances"] = new(1000, 20),
    };

    /// <summary>ELBv2's categories by action; every other action is <c>mutating</c> (or <c>non-mutating</c> for a describe).</summary>
    private static readonly Dictionary<string, string> _elbv2Categories = new(StringComparer.Ordinal)
    {
        ["CreateLoadBalancer"] = "resource-intensive",
        ["SetSubnets"] = "resource-intensive",
        ["RegisterTargets"] = "registration",
        ["DeregisterTargets"] = "registration",
    };

    private static readonly Dictionary<string, BucketSize> _elbv2CategorySizes = new(StringComparer.Ordinal)
    {
        ["resource-intensive"] = new(10, 0.2),
        ["registration"] = new(20, 4),
        ["non-mutating"] = new(40, 10),
        ["mutating"] = new(20, 3),
    };

    /// <summary>The EC2 request bucket of an action: its key (the action, or the action's unfiltered bucket) and size.</summary>
    /// <param name="action">The action.</param>
    /// <param name="filteredOrPaged">Whether the request has a filter or pagination (only describes care).</param>
    public static (string Key, BucketSize Size) Ec2Request(string action, bool filteredOrPaged)
    {
        if (_ec2Uncategorized.TryGetValue(action, out var own))
        {
            return ("ec2:" + action, own);
        }

        if (_ec2UnfilteredSubset.Contains(action) && !filteredOrPaged)
        {
            return ("ec2:" + action + ":unfiltered", Ec2Unfiltered);
        }

        var size = IsNonMutating(action) ? Ec2NonMutating
            : _ec2ResourceIntensive.Contains(action) ? Ec2ResourceIntensive
            : Ec2Mutating;
        return ("ec2:" + action, size);
    }

    /// <summary>The EC2 resource bucket of an action (counted in instances), if it has one.</summary>
    public static BucketSize? Ec2Resource(string action) => _ec2Resource.TryGetValue(action, out var size) ? size : null;

    /// <summary>The ELBv2 category bucket of an action: its key and size.</summary>
    public static (string Key, BucketSize Size) Elbv2Category(string action)
    {
        var category = _elbv2Categories.TryGetValue(action, out var named) ? named : IsNonMutating(action) ? "non-mutating" : "mutating";
        return ("elasticloadbalancing:" + category, _elbv2CategorySizes[category]);
    }

    private static bool IsNonMutating(string action) =>
        action.StartsWith("Describe", StringComparison.Ordinal) || action.StartsWith("Get", StringComparison.Ordinal)
        || action.StartsWith("List", StringComparison.Ordinal) || action.StartsWith("Search", StringComparison.Ordinal);
}

/// <summary>A bucket's size as AWS publishes it.</summary>
/// <param name="Capacity">The bucket maximum capacity, in tokens.</param>
/// <param name="RefillPerSecond">The bucket refill rate, in tokens per second.</param>
internal readonly record struct BucketSize(double Capacity, double RefillPerSecond);
