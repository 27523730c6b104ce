/** Signals NestJS's `enableShutdownHooks()` listens to (its `ShutdownSignal` enum). */
const NEST_SHUTDOWN_SIGNALS: NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGSEGV', 'SIGUSR2', 'SIGTERM'];

/**
 * Runs `start` and then removes the signal listeners it added. Each service's Nest app enables
 * shutdown hooks for running alone: on Ctrl-C it closes itself and re-raises the signal, which
 * ends the process while the other services, the bus and the embedded PostgreSQL are still
 * stopping. In one process the main job owns the signals and stops everything in order.
 */
export async function withoutAddedSignalListeners<T>(start: () => Promise<T>): Promise<T> {
  const before = new Map(NEST_SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    return await start();
  } finally {
    for (const signal of NEST_SHUTDOWN_SIGNALS) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
}
