using AlbBuilder.LocalCloud.Protocol;

namespace AlbBuilder.LocalCloud.Elbv2;

/// <summary>ELBv2's error codes (the <c>error.code</c> of each modelled exception) and messages.</summary>
internal static class Elbv2Errors
{
    public static AwsServiceError Validation(string message) => new("ValidationError", message);

    public static AwsServiceError Missing(string name) =>
        Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    public static AwsServiceError LoadBalancerNotFound(string message = "One or more load balancers not found") =>
        new("LoadBalancerNotFound", message);

    public static AwsServiceError TargetGroupNotFound(string message = "One or more target groups not found") =>
        new("TargetGroupNotFound", message);

    public static AwsServiceError ListenerNotFound(string message = "One or more listeners not found") =>
        new("ListenerNotFound", message);

    public static AwsServiceError InvalidConfiguration(string message) => new("InvalidConfigurationRequest", message);

    public static AwsServiceError InvalidTarget(string message) => new("InvalidTarget", message);

    public static AwsServiceError ResourceInUse(string message) => new("ResourceInUse", message);

    /// <summary>The NotFound code an operation answers for a resource that is not (yet) visible.</summary>
    public static AwsServiceError NotFoundFor(string operation) => operation switch
    {
        "DescribeLoadBalancers" or "DeleteLoadBalancer" or "ModifyLoadBalancerAttributes"
            or "DescribeLoadBalancerAttributes" or "CreateListener" or "AddTags" or "RemoveTags" or "DescribeTags"
            => LoadBalancerNotFound(),
        "DescribeListeners" or "DeleteListener" => ListenerNotFound(),
        _ => TargetGroupNotFound(),
    };

    /// <summary>More than 50 tags on one resource.</summary>
    public static AwsServiceError TooManyTags() =>
        new("TooManyTags", "The quota for the number of tags that can be assigned to a resource has been reached");
}
