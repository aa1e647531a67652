using AlbBuilder.Sample;
using Spectre.Console;

// Ctrl+C cancels the command (a starting lab rolls back what it created); a second Ctrl+C ends the process.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return await SampleApp.RunAsync(args, AnsiConsole.Console, cancellation.Token);
