using System.CommandLine;
using Spectre.Console;

namespace Microfinance.Cli.Commands;

/// <summary>Where a command draws its tables: the invocation's output.</summary>
internal static class Terminal
{
    /// <summary>Wide enough that a table written to a file or a pipe never wraps a row.</summary>
    private const int RedirectedWidth = 240;

    /// <summary>A terminal gets colour at its own width; a file, pipe or test writer plain text, unwrapped.</summary>
    public static IAnsiConsole For(InvocationConfiguration invocation)
    {
        var interactive = ReferenceEquals(invocation.Output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(invocation.Output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!interactive)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
