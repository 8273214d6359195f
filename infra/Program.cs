using MultiRegion.Infra.Cli;

return await MultiRegionCli.RunAsync(args, Console.Out, Console.Error);
