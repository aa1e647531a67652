using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Amazon.EC2.Model;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>Which buckets a request draws from, and how many tokens from each.</summary>
internal static class RequestClassifier
{
    private static readonly string[] ReadPrefixes = ["Describe", "Get", "List", "Search"];

    // EC2's verbs that change state; anything else that is not a read is "uncategorized" (AWS's fourth class).
    private static readonly string[] MutatingPrefixes =
    [
        "Create", "Delete", "Modify", "Run", "Start", "Stop", "Terminate", "Reboot", "Authorize", "Revoke", "Associate",
        "Disassociate", "Attach", "Detach", "Allocate", "Release", "Register", "Deregister", "Replace", "Reset", "Import",
        "Export", "Copy", "Cancel", "Accept", "Reject", "Enable", "Disable", "Assign", "Unassign", "Update", "Restore",
        "Move", "Provision", "Monitor", "Unmonitor", "Request", "Purchase", "Apply", "Confirm", "Send",
    ];

    private static readonly ConcurrentDictionary<Type, (PropertyInfo? Filters, PropertyInfo? MaxResults)> Paging = new();

    /// <summary>The EC2 buckets of <paramref name="action"/> (e.g. <c>DescribeInstances</c>) called with <paramref name="request"/>.</summary>
    public static IReadOnlyList<(RequestBucket Bucket, double Tokens)> Ec2(string action, object? request)
    {
        if (HasPrefix(action, ReadPrefixes))
        {
            return [(IsUnfiltered(request) ? RequestBucket.Ec2UnfilteredNonMutating : RequestBucket.Ec2NonMutating, 1)];
        }

        return action switch
        {
            "RunInstances" => [(RequestBucket.Ec2Mutating, 1), (RequestBucket.Ec2RunInstancesResources, Math.Max(1, (request as RunInstancesRequest)?.MaxCount ?? 1))],
            "TerminateInstances" => [(RequestBucket.Ec2Mutating, 1), (RequestBucket.Ec2TerminateInstancesResources, Math.Max(1, (request as TerminateInstancesRequest)?.InstanceIds?.Count ?? 1))],
            _ when HasPrefix(action, MutatingPrefixes) => [(RequestBucket.Ec2Mutating, 1)],
            _ => [(RequestBucket.Ec2Uncategorized, 1)],
        };
    }

    /// <summary>The ELBv2 bucket of <paramref name="action"/>.</summary>
    public static IReadOnlyList<(RequestBucket Bucket, double Tokens)> ElasticLoadBalancing(string action) =>
        [(HasPrefix(action, ReadPrefixes) ? RequestBucket.ElasticLoadBalancingDescribe : RequestBucket.ElasticLoadBalancingMutating, 1)];

    /// <summary>
    /// A describe call with neither a filter nor MaxResults. IDs do not make it "filtered": AWS's page does not say they
    /// do, so the stricter bucket is the safe reading.
    /// </summary>
    private static bool IsUnfiltered(object? request)
    {
        if (request is null)
        {
            return true;
        }

        var (filters, maxResults) = Paging.GetOrAdd(request.GetType(), type => (type.GetProperty("Filters"), type.GetProperty("MaxResults")));
        return filters?.GetValue(request) is not ICollection { Count: > 0 } && maxResults?.GetValue(request) is null;
    }

    private static bool HasPrefix(string action, string[] prefixes) =>
        prefixes.Any(prefix => action.StartsWith(prefix, StringComparison.Ordinal));
}
