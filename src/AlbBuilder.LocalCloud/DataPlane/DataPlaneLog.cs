using Microsoft.Extensions.Logging;

namespace AlbBuilder.LocalCloud.DataPlane;

/// <summary>Log messages of the data plane (no request content, no user data).</summary>
internal static partial class DataPlaneLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Resolving target {Target} failed; treating it as not running.")]
    public static partial void ResolverFailed(ILogger logger, TargetKey target, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The health check loop of target {Target} failed.")]
    public static partial void LoopFailed(ILogger logger, TargetKey target, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Target {Target} is now {State} ({Reason}).")]
    public static partial void StateChanged(ILogger logger, TargetKey target, string state, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "A HealthChanged handler threw.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "The front door's routing callback threw; answering 500.")]
    public static partial void RouteFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "{Server} listening on 127.0.0.1:{Port}.")]
    public static partial void Listening(ILogger logger, string server, int port);
}
