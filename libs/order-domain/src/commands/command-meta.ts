/**
 * Fields every command carries. Time and ids come in through commands — the domain never reads
 * a clock or draws a random id — so a decision is a pure function of (command, state).
 */
export interface CommandMeta {
  /** The order stream the command is for. */
  orderId: string;
  /** The message id of the command (the ingress record or HTTP request); named in rejections. */
  commandId: string;
  /** When the service handled the command, epoch ms; copied to the events it produces. */
  occurredAt: number;
  /** The same instant as ISO-8601 text with offset; must denote exactly `occurredAt`. */
  occurredAtText: string;
}

/** Builds a command type: a `type` tag and a `data` record that includes {@link CommandMeta}. */
export interface CommandOf<T extends string, D> {
  type: T;
  data: CommandMeta & D;
}
