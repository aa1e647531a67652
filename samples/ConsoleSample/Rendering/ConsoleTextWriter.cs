using System.Text;
using Spectre.Console;

namespace AlbBuilder.Sample.Rendering;

/// <summary>Lets System.CommandLine's help and error text go to the same <see cref="IAnsiConsole"/> as everything else.</summary>
internal sealed class ConsoleTextWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Write(new Text(value.ToString()));

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            console.Write(new Text(value));
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        console.WriteLine();
    }
}
