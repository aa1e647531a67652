using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AlbBuilder.LocalCloud.Endpoint;

/// <summary>
/// What a tool in another process asks LocalCloud beyond the AWS APIs, under <c>/_localcloud/</c> on the control-plane
/// port (AWS requests always go to <c>/</c>): the inventory, the URLs to open, and where an AWS-style URL answers here.
/// GET only, JSON answers.
/// </summary>
internal static class LocalCloudRoutes
{
    /// <summary>The path prefix of these routes.</summary>
    public const string Prefix = "/_localcloud";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>Answers a request under <see cref="Prefix"/>; false for any other path (an AWS request).</summary>
    public static async Task<bool> TryHandleAsync(HttpContext context, LocalCloud cloud)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(Prefix, out var rest))
        {
            return false;
        }

        object? answer = rest.Value switch
        {
            "/inventory" => Inventory(cloud.GetInventory()),
            "/urls" => cloud.GetUrls().Select(Url).ToList(),
            "/resolve" => Resolve(cloud, request.Query["url"].ToString()),
            _ => null,
        };
        if (!HttpMethods.IsGet(request.Method))
        {
            answer = null;
        }

        var response = context.Response;
        response.StatusCode = answer is null or Error ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        answer ??= new Error($"Not found: {request.Method} {request.Path}. LocalCloud answers GET {Prefix}/inventory, {Prefix}/urls, {Prefix}/resolve?url=…");
        await response.WriteAsJsonAsync(answer, answer.GetType(), _json, context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private static object Inventory(LocalCloudInventory inventory) => new
    {
        inventory.IsEmpty,
        inventory.Instances,
        inventory.SecurityGroups,
        inventory.LoadBalancers,
        inventory.TargetGroups,
        inventory.Listeners,
    };

    private static object Url(LocalCloudUrl url) => new { url.ResourceId, url.Name, AwsUrl = url.AwsUrl.ToString(), Url = url.Url.ToString() };

    private static object Resolve(LocalCloud cloud, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var awsUrl) || awsUrl.Scheme != Uri.UriSchemeHttp)
        {
            return new Error("Pass url=http://<load balancer DNS name or instance public address>[:port]/…");
        }

        return cloud.ResolveUrl(awsUrl) is { } resolved
            ? new { Url = resolved.ToString() }
            : new Error($"Nothing answers at {awsUrl.Host}:{awsUrl.Port} (no active listener or running instance there, or its security groups don't admit this machine).");
    }

    private sealed record Error(string Message);
}
