using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace AlbBuilder.Ec2;

/// <summary>Null-safe reads of AWSSDK.EC2 v4 models, whose collections default to null and value types are nullable.</summary>
internal static class Ec2ModelExtensions
{
    /// <summary>The value of the tag <paramref name="key"/>, or null.</summary>
    public static string? TagValue(this IEnumerable<Tag>? tags, string key) =>
        tags?.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal))?.Value;

    /// <summary>The instance's state name (<c>pending</c>, <c>running</c>…), or null.</summary>
    public static string? StateName(this Instance instance) => instance.State?.Name?.Value;

    /// <summary>The instance's Availability Zone, or null.</summary>
    public static string? AvailabilityZone(this Instance instance) => instance.Placement?.AvailabilityZone;

    /// <summary>Every instance of every reservation.</summary>
    public static IEnumerable<Instance> AllInstances(this IEnumerable<Reservation>? reservations) =>
        reservations?.SelectMany(r => r.Instances ?? []) ?? [];

    /// <summary>Whether <paramref name="exception"/> is a service error with code <paramref name="code"/>.</summary>
    public static bool HasErrorCode(this Exception exception, string code) =>
        exception is AmazonServiceException service && string.Equals(service.ErrorCode, code, StringComparison.Ordinal);

    /// <summary>A filter on one name with one or more values.</summary>
    public static Filter Filter(string name, params string[] values) => new() { Name = name, Values = [.. values] };

    /// <summary>A filter matching tag <paramref name="key"/> = <paramref name="value"/>.</summary>
    public static Filter TagFilter(string key, string value) => Filter("tag:" + key, value);

    /// <summary>The instance states a lab still counts as its own (not terminated or on the way there).</summary>
    public static Filter LiveInstanceStates() =>
        Filter("instance-state-name", InstanceStateName.Pending.Value, InstanceStateName.Running.Value, InstanceStateName.Stopping.Value, InstanceStateName.Stopped.Value);
}
