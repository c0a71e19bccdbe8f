using System.Runtime.InteropServices;
using Chokepoint.Cli;

using var cancellation = new CancellationTokenSource();

// Ctrl-C, and SIGTERM from a service manager, stop the command cleanly (servers close their ports).
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

return await CliApplication.RunAsync(args, CliApplication.CreateDefaultContext(), cancellation.Token);
