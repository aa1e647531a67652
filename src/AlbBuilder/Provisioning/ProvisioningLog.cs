using Microsoft.Extensions.Logging;

namespace AlbBuilder.Provisioning;

/// <summary>The lab's log messages. They carry step names and resource ids only: never user data or credentials.</summary>
internal static partial class ProvisioningLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Lab {Lab}: {Step} started: {Detail}")]
    public static partial void StepStarted(ILogger logger, string lab, LabStep step, string detail);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Lab {Lab}: {Step} completed: {Detail}")]
    public static partial void StepCompleted(ILogger logger, string lab, LabStep step, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Lab {Lab}: {Step}: {Detail}")]
    public static partial void StepProgress(ILogger logger, string lab, LabStep step, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Lab {Lab}: {Step} failed: {Detail}")]
    public static partial void StepFailed(ILogger logger, string lab, LabStep step, string detail, Exception? exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Lab {Lab}: {Step}: {Detail}")]
    public static partial void ResourceRemoved(ILogger logger, string lab, LabStep step, string detail);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Lab {Lab}: {Step}: {Detail}")]
    public static partial void StepNotice(ILogger logger, string lab, LabStep step, string detail);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Lab {Lab}: {Operation} will be retried in {Delay} after {ErrorCode}")]
    public static partial void Retrying(ILogger logger, string lab, string operation, TimeSpan delay, string errorCode);
}
