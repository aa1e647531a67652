using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.Runtime;

namespace AlbBuilder.Classroom.Throttling;

/// <summary>
/// A decorator over a client interface (<c>IAmazonEC2</c>, <c>IAmazonElasticLoadBalancingV2</c>), whatever implements
/// it (the SDK's client, LocalCloud's, a user's, a test substitute): every <c>*Async</c> call returning <c>Task&lt;T&gt;</c>
/// is paced and counted, and describe calls by IDs may share a call; other members (Config, Dispose, Paginators) pass
/// through.
/// </summary>
// Not sealed: DispatchProxy derives the proxy type from it.
internal class ClientProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<ClientProxy, MethodInfo, object?[], object>?> AsyncCalls = new();

    private static readonly MethodInfo InvokeAsyncDefinition =
        typeof(ClientProxy).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private object _inner = null!;
    private PacedService _service = null!;
    private ISharedDescribe? _shared;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public static T Create<T>(T inner, PacedService service, ISharedDescribe? shared)
        where T : class
    {
        var proxy = Create<T, ClientProxy>();
        var self = (ClientProxy)(object)proxy;
        self._inner = inner;
        self._service = service;
        self._shared = shared;
        return proxy;
    }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var call = AsyncCalls.GetOrAdd(targetMethod, Compile);
        return call is null ? Call(targetMethod, args) : call(this, targetMethod, args ?? []);
    }

    private static Func<ClientProxy, MethodInfo, object?[], object>? Compile(MethodInfo method)
    {
        if (!method.Name.EndsWith("Async", StringComparison.Ordinal)
            || !method.ReturnType.IsGenericType
            || method.ReturnType.GetGenericTypeDefinition() != typeof(Task<>))
        {
            return null;
        }

        return InvokeAsyncDefinition.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0])
            .CreateDelegate<Func<ClientProxy, MethodInfo, object?[], object>>();
    }

    private Task<T> InvokeAsync<T>(MethodInfo method, object?[] args)
    {
        var action = method.Name[..^"Async".Length];
        var request = args.OfType<AmazonWebServiceRequest>().FirstOrDefault();
        var cancellationToken = args.Length > 0 && args[^1] is CancellationToken token ? token : default;
        _service.Counter.Requested(_service.Key(action));
        return _shared?.TryDescribe<T>(request, cancellationToken)
            ?? _service.SendAsync(action, request, () => (Task<T>)Call(method, args)!, cancellationToken);
    }

    private object? Call(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(error.InnerException);
            throw;
        }
    }
}
