namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>A map value, in wire order.</summary>
internal sealed record MapValue(IReadOnlyList<KeyValuePair<ScalarValue, ModelValue>> Entries) : ModelValue;
