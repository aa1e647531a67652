using System.Reflection;
using AlbBuilder.ElasticLoadBalancingV2.Model;

namespace AlbBuilder.ElasticLoadBalancingV2.Tests;

/// <summary>
/// Like AWSSDK v4's, the generated surface is not nullable-annotated, so user code that is warning-free against the
/// official client is warning-free here (samples/Snippets' elbv2-nullability snippet compiles that code).
/// </summary>
public sealed class ElasticLoadBalancingV2NullabilityTests
{
    private static readonly Assembly Client = typeof(IAmazonElasticLoadBalancingV2).Assembly;

    public static TheoryData<string> GeneratedTypes() => new(GeneratedTypeNames());

    [Fact]
    public void GeneratedTypes_CoverModelEnumsExceptionsAndTheInterface()
    {
        var names = GeneratedTypeNames();

        Assert.Contains(typeof(LoadBalancer).FullName, names);
        Assert.Contains(typeof(DescribeLoadBalancersResponse).FullName, names);
        Assert.Contains(typeof(ProtocolEnum).FullName, names);
        Assert.Contains(typeof(LoadBalancerNotFoundException).FullName, names);
        Assert.Contains(typeof(IAmazonElasticLoadBalancingV2).FullName, names);
        Assert.True(names.Count > 120, $"only {names.Count} generated types found");
    }

    [Theory]
    [MemberData(nameof(GeneratedTypes))]
    public void GeneratedType_ReferenceTypesAreOblivious_ValueTypesNullable(string typeName)
    {
        var type = Client.GetType(typeName, throwOnError: true)!;
        var context = new NullabilityInfoContext();
        var annotated = new List<string>();

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            var info = context.Create(property);
            if (property.PropertyType.IsValueType)
            {
                // AWSSDK v4: value types are nullable, unset is null.
                Assert.True(Nullable.GetUnderlyingType(property.PropertyType) is not null, $"{typeName}.{property.Name} is not nullable");
            }
            else if (info.ReadState != NullabilityState.Unknown || info.WriteState != NullabilityState.Unknown)
            {
                annotated.Add($"{property.Name}: {info.ReadState}");
            }
        }

        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName))
        {
            annotated.AddRange(method.GetParameters()
                .Where(p => !p.ParameterType.IsValueType && context.Create(p).WriteState != NullabilityState.Unknown)
                .Select(p => $"{method.Name}({p.Name}): {context.Create(p).WriteState}"));
            if (!method.ReturnType.IsValueType && method.ReturnType != typeof(void) && context.Create(method.ReturnParameter).ReadState != NullabilityState.Unknown)
            {
                annotated.Add($"{method.Name} returns {context.Create(method.ReturnParameter).ReadState}");
            }
        }

        Assert.True(annotated.Count == 0, $"{typeName} has nullable annotations: {string.Join(", ", annotated)}");
    }

    private static List<string> GeneratedTypeNames() =>
        [.. Client.GetExportedTypes().Where(IsGenerated).Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    private static bool IsGenerated(Type type) =>
        type.Namespace == typeof(LoadBalancer).Namespace
        || type == typeof(IAmazonElasticLoadBalancingV2)
        || type == typeof(AmazonElasticLoadBalancingV2Exception)
        || (type.Namespace == typeof(IAmazonElasticLoadBalancingV2).Namespace && type.BaseType == typeof(Amazon.Runtime.ConstantClass));
}
