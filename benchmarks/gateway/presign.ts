import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BenchMerchant } from './bench-merchant';
import type { SignedRequest, SignerTask } from './notification-signer.worker';

/** Signs `count` notifications (a share of them Alipay) across worker threads. */
export async function presignNotifications(merchant: BenchMerchant, count: number, alipayShare: number): Promise<SignedRequest[]> {
  const run = randomBytes(3).toString('hex');
  const items = Array.from({ length: count }, (_, index) => ({ outTradeNo: `BN${run}${String(index).padStart(8, '0')}`, alipay: Math.floor((index + 1) * alipayShare) > Math.floor(index * alipayShare) }));
  const workers = Math.max(1, availableParallelism());
  const slices = Array.from({ length: workers }, (_, worker) => items.filter((_, index) => index % workers === worker));
  const signed = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<SignedRequest[]>((resolve, reject) => {
          const task: SignerTask = { merchant, items: slice };
          const worker = new Worker(join(__dirname, 'notification-signer.worker.ts'), { workerData: task });
          worker.once('message', (result: SignedRequest[]) => void worker.terminate().then(() => resolve(result)));
          worker.once('error', reject);
        }),
    ),
  );
  // Interleave back into the original order, so providers mix evenly over time.
  return items.map((_, index) => signed[index % workers]![Math.floor(index / workers)]!);
}
