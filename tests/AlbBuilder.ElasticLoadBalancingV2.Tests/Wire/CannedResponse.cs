namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>A canned HTTP response.</summary>
internal sealed record CannedResponse(int StatusCode, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static CannedResponse Xml(string body, string? requestIdHeader = null) =>
        new(200, body, requestIdHeader is null ? null : new Dictionary<string, string> { ["x-amzn-RequestId"] = requestIdHeader });
}
