using Chokepoint.Benchmarks;

return await BenchmarkCommand.RunAsync(args);
