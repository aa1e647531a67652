using System.Reflection;

namespace AlbBuilder.Reliability.Tests.Infrastructure;

/// <summary>
/// Wraps a real client (on LocalCloud) and lets a test change the response of one operation after the service
/// answered, e.g. drop a list or set an unknown enum value, to see how the lab copes with surprising responses.
/// </summary>
public class TamperingProxy<TClient> : DispatchProxy
    where TClient : class
{
    private static readonly MethodInfo _tamper = typeof(TamperingProxy<TClient>).GetMethod(nameof(TamperAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly Dictionary<string, Func<object, object?>> _changes = new(StringComparer.Ordinal);
    private TClient _inner = null!;

    public static TClient Wrap(TClient inner, out TamperingProxy<TClient> proxy)
    {
        var client = Create<TClient, TamperingProxy<TClient>>();
        proxy = (TamperingProxy<TClient>)(object)client;
        proxy._inner = inner;
        return client;
    }

    /// <summary>Changes every response of an operation (e.g. <c>DescribeVpcs</c>); return null to answer with no response at all.</summary>
    public void Change<TResponse>(string operation, Func<TResponse, TResponse?> change)
        where TResponse : class
    {
        lock (_changes)
        {
            _changes[operation + "Async"] = response => change((TResponse)response);
        }
    }

    /// <summary>Answers honestly again.</summary>
    public void Clear()
    {
        lock (_changes)
        {
            _changes.Clear();
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        object? result;
        try
        {
            result = targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }

        Func<object, object?>? change;
        lock (_changes)
        {
            _changes.TryGetValue(targetMethod.Name, out change);
        }

        if (change is null || result is not Task task || !targetMethod.ReturnType.IsGenericType)
        {
            return result;
        }

        var responseType = targetMethod.ReturnType.GetGenericArguments()[0];
        return _tamper.MakeGenericMethod(responseType).Invoke(null, [task, change]);
    }

    private static async Task<T> TamperAsync<T>(Task<T> task, Func<object, object?> change) => (T)change((await task)!)!;
}
