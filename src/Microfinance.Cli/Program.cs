using Microfinance.Cli.Commands;

return await MicrofinanceCli.Create().Parse(args).InvokeAsync();
