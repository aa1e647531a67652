namespace AlbBuilder.ElasticLoadBalancingV2.Tests.Wire;

/// <summary>A structure value: its model shape and a value per member.</summary>
internal sealed record StructValue(string Shape, IReadOnlyList<KeyValuePair<string, ModelValue>> Members) : ModelValue;
