import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Starts a service's background work once the app is up and stops it once on shutdown. Nest runs
 * these hooks once for the HTTP app and once for the connected microservice (they share the
 * container): only the first call of each does anything, and a second shutdown call waits for the
 * first.
 */
export abstract class BackgroundWorkLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private started = false;
  private stopping?: Promise<void>;

  onApplicationBootstrap(): void {
    if (this.started) return;
    this.started = true;
    this.startWork();
  }

  onApplicationShutdown(): Promise<void> {
    this.stopping ??= this.stopWork();
    return this.stopping;
  }

  /** Starts the background work (called once). */
  protected abstract startWork(): void;

  /** Stops it and releases what the service owns, in order (called once). */
  protected abstract stopWork(): Promise<void>;
}
