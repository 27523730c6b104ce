import type { MessageBus } from '@oms/messaging';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/gateway-config';
import type { Clock } from './clock';

/** How the gateway is assembled: configuration, plus what tests may substitute. */
export interface GatewayModuleOptions {
  config: GatewayConfig;
  /** Defaults to the process clock. */
  clock?: Clock;
  /** A bus owned by the caller (tests subscribe to it); otherwise built from the config and closed at shutdown. */
  bus?: MessageBus<unknown>;
  logger: Logger;
}

/** Token of {@link GatewayModuleOptions}. */
export const GATEWAY_MODULE_OPTIONS = Symbol('GATEWAY_MODULE_OPTIONS');
