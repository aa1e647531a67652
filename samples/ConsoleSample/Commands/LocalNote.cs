using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary>Why a command that works on an existing lab starts one first on LocalCloud.</summary>
internal static class LocalNote
{
    public const string Help =
        "On LocalCloud (the default) the emulator lives only inside this process, so this command starts a lab first and " +
        "removes it at the end; with --aws it works on a lab left by an earlier `up --aws`.";

    public static void Print(IAnsiConsole console, string command) =>
        console.MarkupLine($"[grey]LocalCloud lives only inside this process, so [bold]{command}[/] starts a lab here first and removes it at the end. With [bold]--aws[/] it works on a lab left by an earlier [bold]up --aws[/].[/]");
}
