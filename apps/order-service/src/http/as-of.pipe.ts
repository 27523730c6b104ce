import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { parseIsoDateTime } from '@oms/order-domain';

/**
 * `?asOf=` → epoch ms (undefined when absent). Only ISO-8601 date-times with an offset are
 * accepted: a local time would mean different instants on different servers.
 */
@Injectable()
export class AsOfPipe implements PipeTransform<unknown, number | undefined> {
  transform(value: unknown): number | undefined {
    if (value === undefined || value === '') return undefined;
    const parsed = typeof value === 'string' ? parseIsoDateTime(value) : null;
    if (!parsed) {
      throw new BadRequestException(`asOf must be an ISO-8601 date-time with an offset, e.g. 2024-06-18T10:31:05+08:00; got ${JSON.stringify(value)}`);
    }
    return parsed.epochMs;
  }
}
