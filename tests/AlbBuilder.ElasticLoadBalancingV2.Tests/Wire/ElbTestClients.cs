using System.Reflection;
using AlbBuilder.ElasticLoadBalancingV2;
using AlbBuilder.ElasticLoadBalancingV2.Model;
using Amazon.Runtime;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>Clients pointed at the loopback server, and reflection helpers to call any operation by name.</summary>
internal static class ElbTestClients
{
    public const string AccessKey = "AKIDEXAMPLELOOPBACK";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static AmazonElasticLoadBalancingV2Config LoopbackConfig(LoopbackServer server, string region = "eu-west-1", int maxErrorRetry = 0) => new()
    {
        ServiceURL = server.Url,
        AuthenticationRegion = region,
        MaxErrorRetry = maxErrorRetry,
        // Never sleep for real between retries in unit tests.
        MaxRetryBackoff = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(20),
    };

    public static AmazonElasticLoadBalancingV2Client Create(LoopbackServer server, string region = "eu-west-1", int maxErrorRetry = 0) =>
        new(new BasicAWSCredentials(AccessKey, SecretKey), LoopbackConfig(server, region, maxErrorRetry));

    public static AmazonElasticLoadBalancingV2Request NewRequest(string operation) =>
        (AmazonElasticLoadBalancingV2Request)Activator.CreateInstance(ModelValues.ModelType(operation + "Request"))!;

    /// <summary>Calls <c>{operation}Async</c> on the interface, as a user would, and returns the response.</summary>
    public static async Task<AmazonWebServiceResponse> InvokeAsync(IAmazonElasticLoadBalancingV2 client, string operation, AmazonElasticLoadBalancingV2Request request)
    {
        var method = typeof(IAmazonElasticLoadBalancingV2).GetMethod(operation + "Async", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"IAmazonElasticLoadBalancingV2 has no {operation}Async.");
        var task = (Task)method.Invoke(client, [request, CancellationToken.None])!;
        await task;
        return (AmazonWebServiceResponse)task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    /// <summary>A successful response with an empty result, for tests that only look at the request.</summary>
    public static string EmptyResponse(string operation, string requestId = "rid-empty") =>
        $"<{operation}Response xmlns=\"{ServiceModel.Instance.XmlNamespace}\"><{operation}Result/><ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata></{operation}Response>";

    public static string ErrorResponse(string code, string message, string requestId, string type = "Sender") =>
        $"<ErrorResponse xmlns=\"{ServiceModel.Instance.XmlNamespace}\"><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>";
}
