using AlbBuilder.LocalCloud.Server;

// Serves until Ctrl+C or SIGTERM; either one stops every server, front door and timer and frees every port.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });

return await ServerApp.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
