using System.Text.Json;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>
/// The official ELBv2 service model (service-2.json), loaded at test time so that expectations come from the model,
/// not from the generated code under test. Found in <c>shared/</c> beside the clone (as CI lays it out), else /work/shared.
/// </summary>
internal sealed class ServiceModel
{
    private static readonly Lazy<ServiceModel> Lazy = new(() => new ServiceModel(Load()));

    private readonly JsonElement _root;

    private ServiceModel(JsonElement root) => _root = root;

    public static ServiceModel Instance => Lazy.Value;

    /// <summary>The operations the client implements.</summary>
    public static IReadOnlyList<string> Operations { get; } =
    [
        "CreateLoadBalancer", "DescribeLoadBalancers", "DeleteLoadBalancer", "ModifyLoadBalancerAttributes",
        "DescribeLoadBalancerAttributes", "CreateTargetGroup", "DescribeTargetGroups", "ModifyTargetGroupAttributes",
        "DescribeTargetGroupAttributes", "DeleteTargetGroup", "RegisterTargets", "DeregisterTargets",
        "DescribeTargetHealth", "CreateListener", "DescribeListeners", "DeleteListener", "AddTags", "RemoveTags",
        "DescribeTags", "DescribeAccountLimits",
    ];

    public string ApiVersion => _root.GetProperty("metadata").GetProperty("apiVersion").GetString()!;

    public string XmlNamespace => _root.GetProperty("metadata").GetProperty("xmlNamespace").GetString()!;

    public JsonElement Shape(string name) => _root.GetProperty("shapes").GetProperty(name);

    public JsonElement Operation(string name) => _root.GetProperty("operations").GetProperty(name);

    public string InputShape(string operation) => Operation(operation).GetProperty("input").GetProperty("shape").GetString()!;

    public string OutputShape(string operation) => Operation(operation).GetProperty("output").GetProperty("shape").GetString()!;

    public string ResultWrapper(string operation) => Operation(operation).GetProperty("output").GetProperty("resultWrapper").GetString()!;

    public IReadOnlyList<string> Errors(string operation) =>
        Operation(operation).TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToList()
            : [];

    /// <summary>The wire code, HTTP status and fault side the model declares for an error shape.</summary>
    public (string Code, int HttpStatus, bool SenderFault) Error(string shape)
    {
        var error = Shape(shape).GetProperty("error");
        return (error.GetProperty("code").GetString()!,
            error.GetProperty("httpStatusCode").GetInt32(),
            error.TryGetProperty("senderFault", out var sender) && sender.GetBoolean());
    }

    public static string LocateModelFile()
    {
        const string relative = "aws-models/elbv2/service-2.json";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlbBuilder.sln")))
            {
                var besideClone = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relative));
                if (File.Exists(besideClone))
                {
                    return besideClone;
                }

                break;
            }
        }

        var fallback = Path.Combine("/work/shared", relative);
        return File.Exists(fallback)
            ? fallback
            : throw new FileNotFoundException("ELBv2 service model not found beside the clone (../shared) nor in /work/shared.", relative);
    }

    private static JsonElement Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(LocateModelFile()));
        return document.RootElement.Clone();
    }
}
