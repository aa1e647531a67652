namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>Marks an API method as the handler of the action with its name (see <see cref="ActionTable{TApi}"/>).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class AwsActionAttribute : Attribute
{
    /// <summary>Gets a value indicating whether the data plane reconciles after the action (instances, groups, rules, listeners, targets).</summary>
    public bool ChangesDataPlane { get; init; }
}
