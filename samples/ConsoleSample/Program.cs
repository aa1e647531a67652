using AlbBuilder.Sample;
using Spectre.Console;

// Ctrl+C cancels the command (a starting lab rolls back what it created); a second Ctrl+C abandons that rollback
// (the rest stays, tagged, and the sample prints the command that removes it); a third ends the process.
using var cancellation = new CancellationTokenSource();
using var abandonRollback = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    var source = !cancellation.IsCancellationRequested ? cancellation : !abandonRollback.IsCancellationRequested ? abandonRollback : null;
    if (source is not null)
    {
        e.Cancel = true;
        source.Cancel();
    }
};

return await SampleApp.RunAsync(args, AnsiConsole.Console, abandonRollback.Token, cancellation.Token);
