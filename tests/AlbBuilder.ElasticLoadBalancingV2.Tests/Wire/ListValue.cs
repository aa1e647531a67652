namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>A list value, in wire order.</summary>
internal sealed record ListValue(IReadOnlyList<ModelValue> Items) : ModelValue;
