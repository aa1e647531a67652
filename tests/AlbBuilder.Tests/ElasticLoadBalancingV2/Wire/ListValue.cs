namespace AlbBuilder.Tests.ElasticLoadBalancingV2.Wire;

/// <summary>A list value, in wire order.</summary>
internal sealed record ListValue(IReadOnlyList<ModelValue> Items) : ModelValue;
