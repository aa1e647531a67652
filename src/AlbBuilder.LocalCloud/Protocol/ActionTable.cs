using System.Reflection;
using AlbBuilder.LocalCloud.State;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>
/// One service's actions: name → handler, and whether the action changes what the data plane runs, read from the
/// API's <see cref="AwsActionAttribute"/> methods (the method's name is the action's). Both APIs dispatch through
/// it: the handler runs under <see cref="CloudState.Gate"/> and its members are read there (the XML reads mutable
/// state); the data plane is told after the lock is released.
/// </summary>
/// <typeparam name="TApi">The API class whose methods handle the actions.</typeparam>
internal sealed class ActionTable<TApi>
{
    private readonly Dictionary<string, (Func<TApi, QueryParameters, IEnumerable<object?>> Handle, bool ChangesDataPlane)> _actions =
        new(StringComparer.Ordinal);

    /// <summary>Gets the action names.</summary>
    public IReadOnlySet<string> Names => _actions.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the table has the action.</summary>
    public bool Contains(string action) => _actions.ContainsKey(action);

    /// <summary>Builds the table from <typeparamref name="TApi"/>'s methods marked <see cref="AwsActionAttribute"/>.</summary>
    /// <exception cref="InvalidOperationException">A marked method does not take <see cref="QueryParameters"/> and return the members.</exception>
    public static ActionTable<TApi> FromAttributes()
    {
        var table = new ActionTable<TApi>();
        foreach (var method in typeof(TApi).GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (method.GetCustomAttribute<AwsActionAttribute>() is { } action)
            {
                var handle = method.GetParameters() is [{ ParameterType: var type }] && type == typeof(QueryParameters)
                    && method.ReturnType == typeof(IEnumerable<object?>)
                    ? method.CreateDelegate<Func<TApi, QueryParameters, IEnumerable<object?>>>()
                    : throw new InvalidOperationException($"{typeof(TApi).Name}.{method.Name} must take QueryParameters and return IEnumerable<object?>.");
                table._actions.Add(method.Name, (handle, action.ChangesDataPlane));
            }
        }

        return table;
    }

    /// <summary>Serves one action and returns the members of its response element.</summary>
    /// <exception cref="AwsServiceError">The handler's error, or <paramref name="unknownAction"/> for an action not in the table.</exception>
    public List<object?> Invoke(TApi api, CloudState state, string action, QueryParameters parameters, Func<AwsServiceError> unknownAction)
    {
        if (!_actions.TryGetValue(action, out var entry))
        {
            throw unknownAction();
        }

        List<object?> members;
        lock (state.Gate)
        {
            members = entry.Handle(api, parameters).ToList();
        }

        if (entry.ChangesDataPlane)
        {
            state.NotifyChanged();
        }

        return members;
    }
}
