namespace AlbBuilder.Tests.ElasticLoadBalancingV2.Wire;

/// <summary>A value for a model shape, generated from the model alone; the oracle for wire tests.</summary>
internal abstract record ModelValue;

/// <summary>A scalar: <paramref name="Kind"/> is the model type (string, enum, integer, long, boolean, timestamp).</summary>
internal sealed record ScalarValue(string Kind, object Value, string Wire) : ModelValue;

internal sealed record ListValue(IReadOnlyList<ModelValue> Items) : ModelValue;

internal sealed record MapValue(IReadOnlyList<KeyValuePair<ScalarValue, ModelValue>> Entries) : ModelValue;

internal sealed record StructValue(string Shape, IReadOnlyList<KeyValuePair<string, ModelValue>> Members) : ModelValue;
