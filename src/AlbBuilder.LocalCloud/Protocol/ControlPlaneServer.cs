using System.Text;
using System.Xml.Linq;
using AlbBuilder.LocalCloud.DataPlane;
using AlbBuilder.LocalCloud.Ec2;
using AlbBuilder.LocalCloud.Elbv2;
using AlbBuilder.LocalCloud.Faults;
using AlbBuilder.LocalCloud.Throttling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace AlbBuilder.LocalCloud.Protocol;

/// <summary>
/// The control-plane endpoint: one Kestrel server on 127.0.0.1 that reads AWS Query requests (POST form or
/// GET query), routes them by the SigV4 credential scope's service, applies faults, and writes AWS's XML.
/// </summary>
internal sealed partial class ControlPlaneServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Ec2Api _ec2;
    private readonly Elbv2Api _elbv2;
    private readonly LocalCloudFaults _faults;
    private readonly LocalCloudCalls _calls;
    private readonly TimeProvider _timeProvider;
    private readonly SigV4Verifier? _verifier;
    private readonly ILogger _logger;

    private ControlPlaneServer(
        WebApplication app,
        Ec2Api ec2,
        Elbv2Api elbv2,
        LocalCloudFaults faults,
        LocalCloudCalls calls,
        TimeProvider timeProvider,
        SigV4Verifier? verifier,
        ILogger logger)
    {
        _app = app;
        _ec2 = ec2;
        _elbv2 = elbv2;
        _faults = faults;
        _calls = calls;
        _timeProvider = timeProvider;
        _verifier = verifier;
        _logger = logger;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Gets or sets the account's request throttle; null throttles nothing. Set before the first request.</summary>
    public RequestThrottle? Throttle { get; set; }

    public static async Task<ControlPlaneServer> StartAsync(
        Ec2Api ec2,
        Elbv2Api elbv2,
        LocalCloudFaults faults,
        LocalCloudCalls calls,
        TimeProvider timeProvider,
        SigV4Verifier? verifier,
        ILoggerFactory loggerFactory,
        (int Port, Func<HttpContext, Task<bool>> LocalRoutes) endpoint,
        CancellationToken cancellationToken)
    {
        var app = LoopbackWebHost.Create(endpoint.Port, loggerFactory, services => services.Configure<KestrelServerOptions>(RequestReader.ConfigureKestrel));
        var server = new ControlPlaneServer(app, ec2, elbv2, faults, calls, timeProvider, verifier, loggerFactory.CreateLogger<ControlPlaneServer>());
        app.Run(async context =>
        {
            // LocalCloud's own routes (/_localcloud/…) first; every AWS request goes to "/".
            if (!await endpoint.LocalRoutes(context).ConfigureAwait(false))
            {
                await server.HandleAsync(context).ConfigureAwait(false);
            }
        });
        try
        {
            var port = await LoopbackWebHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
            server.Url = new Uri($"http://127.0.0.1:{port}/");
            return server;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var request = context.Request;
        var authorization = SigV4Authorization.TryParse(request.Headers.Authorization.ToString());
        var values = RequestReader.Pairs(request.QueryString.Value);
        var service = RequestReader.ServiceOf(authorization, values);
        try
        {
            RequestReader.CheckEnvelope(request);
            var (body, tooLarge) = await RequestReader.ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
            values.AddRange(RequestReader.FormPairs(request, body));
            service = RequestReader.ServiceOf(authorization, values);
            if (tooLarge)
            {
                throw new AwsServiceError("RequestEntityTooLarge", "The request body is too large.", 413);
            }

            _verifier?.Verify(request, body, service);

            var parameters = new QueryParameters(values, service == AwsService.Ec2 ? Ec2Errors.InvalidParameterValue : Elbv2Errors.Validation);

            var action = parameters.Get("Action");
            if (string.IsNullOrEmpty(action))
            {
                throw new AwsServiceError("MissingAction", "The request must contain the parameter Action");
            }

            RequestReader.CheckVersion(service, action, parameters.Get("Version"));

            // AWS's token buckets, before the action runs (a throttled request changes nothing); unknown actions are not throttled.
            var throttled = Served(service).Contains(action) ? Throttle?.Admit(service, action, parameters) : null;

            // The fault's delay is on the clock before the call is counted: a test that waits for the count and then
            // advances a fake clock must not advance it before the delay exists.
            var fault = throttled is null ? ApplyFaultAsync(service, action, context.RequestAborted) : Task.CompletedTask;
            _calls.Record(service, action);
            if (throttled is not null)
            {
                _calls.RecordThrottled(service, action);
                throw throttled;
            }

            await fault.ConfigureAwait(false);
            var document = service == AwsService.Ec2
                ? ResponseWriter.Ec2Success(action, requestId, _ec2.Handle(action, parameters))
                : ResponseWriter.Elbv2Success(action, requestId, _elbv2.Handle(action, parameters));
            await WriteAsync(context, 200, document, requestId, service).ConfigureAwait(false);
        }
        catch (AwsServiceError error)
        {
            await WriteAsync(context, error.HttpStatus, ResponseWriter.Error(service, error, requestId), requestId, service).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
#pragma warning disable CA1031 // Every bug becomes an AWS InternalError answer rather than a dropped connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnexpected(ex);
            var error = new AwsServiceError(service == AwsService.Ec2 ? "InternalError" : "InternalFailure", "LocalCloud failed: " + ex.Message, 500);
            await WriteAsync(context, 500, ResponseWriter.Error(service, error, requestId), requestId, service).ConfigureAwait(false);
        }
    }

    private async Task ApplyFaultAsync(AwsService service, string action, CancellationToken cancellationToken)
    {
        while (_faults.TryTake(service, action) is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (fault.ErrorCode is null)
            {
                continue;
            }

            if (fault.ErrorCode == FaultCodes.Throttle)
            {
                _calls.RecordThrottled(service, action);
            }

            throw fault.ErrorCode switch
            {
                FaultCodes.Throttle => service == AwsService.Ec2
                    ? new AwsServiceError("RequestLimitExceeded", "Request limit exceeded.", 503)
                    : new AwsServiceError("Throttling", "Rate exceeded", 400),
                FaultCodes.Internal => service == AwsService.Ec2
                    ? new AwsServiceError("InternalError", "An internal error has occurred", 500)
                    : new AwsServiceError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500),
                FaultCodes.NotFound => service == AwsService.Ec2 ? Ec2Errors.NotFoundFor(action) : Elbv2Errors.NotFoundFor(action),
                _ => new AwsServiceError(fault.ErrorCode, fault.Message ?? fault.ErrorCode, fault.HttpStatus),
            };
        }
    }

    private static IReadOnlySet<string> Served(AwsService service) => service == AwsService.Ec2 ? Ec2Api.Operations : Elbv2Api.Operations;

    private static async Task WriteAsync(HttpContext context, int status, XDocument document, string requestId, AwsService service)
    {
        var (wireStatus, text) = ResponseWriter.Render(document, status, service, requestId);
        var response = context.Response;
        response.StatusCode = wireStatus;
        response.ContentType = "text/xml;charset=UTF-8";
        response.Headers[service == AwsService.Ec2 ? "x-amz-request-id" : "x-amzn-RequestId"] = new StringValues(requestId);
        await response.WriteAsync(text, Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "LocalCloud answered an unexpected failure with an InternalError.")]
    private partial void LogUnexpected(Exception exception);
}
