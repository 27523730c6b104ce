import { PoisonMessageError } from './poison-message.error';

/** The record's bytes could not be decoded: poison by definition. */
export class DecodeError extends PoisonMessageError {}
