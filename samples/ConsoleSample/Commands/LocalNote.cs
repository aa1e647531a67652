using Spectre.Console;

namespace AlbBuilder.Sample.Commands;

/// <summary>Why a command that works on an existing lab starts one first on LocalCloud.</summary>
internal static class LocalNote
{
    public const string Help = "LocalCloud: starts its own lab first and removes it after. --aws: the lab from `up --aws`.";

    public static void Print(IAnsiConsole console, string command) =>
        console.MarkupLine($"[grey]LocalCloud lives only inside this process, so [bold]{command}[/] starts a lab here first and removes it at the end. With [bold]--aws[/] it works on a lab left by an earlier [bold]up --aws[/].[/]");
}
