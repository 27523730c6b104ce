import type { OutgoingMessage } from '@oms/contracts';
import { runMigrations } from '@oms/postgres';
import { createTestSchema, waitFor, type TestSchema } from '@oms/testing';
import { CommitSignal, EventStore, eventStoreMigrations, OutboxRelay } from '../index';
import { newEvents } from '../testing/new-events';

describe('OutboxRelay (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: EventStore;

  beforeEach(async () => {
    db = await createTestSchema('outbox_relay');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    store = new EventStore(db.pool);
  });
  afterEach(() => db.drop());

  /** A relay that records what it publishes; `failNext` makes the next publish throw. */
  function recordingRelay(name = 'outbox') {
    const sent: OutgoingMessage[] = [];
    const control = { failNext: 0 };
    const relay = new OutboxRelay({
      pool: db.pool,
      name,
      topicFor: (event) => (event.type === 'TestEvent' ? 'oms.order.events.v1' : 'other'),
      idleDelayMs: 5,
      maxBackoffMs: 20,
      publish: async (messages) => {
        if (control.failNext > 0) {
          control.failNext -= 1;
          throw new Error('broker unavailable');
        }
        sent.push(...messages);
      },
    });
    return { relay, sent, control };
  }

  it('publishes each event keyed by stream with its ids in headers, and resumes from its checkpoint', async () => {
    await store.append('order-1', 0, newEvents(2, 'one'));
    const first = recordingRelay();
    await first.relay.start();
    await waitFor('two events published', () => first.sent.length === 2);
    await first.relay.stop();

    const [message] = first.sent;
    const [event] = await store.readStream('order-1');
    expect(message).toEqual({
      topic: 'oms.order.events.v1',
      key: 'order-1',
      value: event!.payload,
      headers: { 'message-id': event!.eventId, 'event-type': 'TestEvent', 'stream-version': '1', 'global-position': String(event!.globalPosition), 'correlation-id': 'corr-one' },
    });

    await store.append('order-1', 2, newEvents(1, 'one-more'));
    const second = recordingRelay();
    await second.relay.start();
    await waitFor('the new event published', () => second.sent.length === 1);
    await second.relay.stop();
    expect(second.sent[0]!.headers['stream-version']).toBe('3');
  });

  it('retries the same batch after a failed publish, losing nothing', async () => {
    await store.append('order-2', 0, newEvents(3, 'two'));
    const { relay, sent, control } = recordingRelay();
    control.failNext = 3;
    await relay.start();
    await waitFor('three events published after three failures', () => sent.length === 3);
    await relay.stop();
    expect(sent.map((message) => message.headers['stream-version'])).toEqual(['1', '2', '3']);
  });

  it('lets relays of the same name in two schemas (two services) both lead', async () => {
    const other = await createTestSchema('outbox_relay_other');
    try {
      await runMigrations(other.pool, other.schema, eventStoreMigrations);
      const here = recordingRelay('outbox');
      const there = new OutboxRelay({ pool: other.pool, name: 'outbox', topicFor: () => 'other', publish: async () => undefined });
      await here.relay.start();
      const started = there.start().then(() => 'leader', () => 'gave up');
      const verdict = await Promise.race([started, new Promise((resolve) => setTimeout(() => resolve('waiting'), 3000))]);
      await there.stop(); // also ends a relay still waiting for the lock
      await here.relay.stop();
      expect(verdict).toBe('leader');
    } finally {
      await other.drop();
    }
  });

  it('lets one relay per name publish; a standby takes over when the leader stops', async () => {
    const leader = recordingRelay('shared');
    const standby = recordingRelay('shared');
    await leader.relay.start();
    const standbyStarted = standby.relay.start(); // waits for the lock
    await store.append('order-3', 0, newEvents(2, 'three'));
    await waitFor('the leader to publish', () => leader.sent.length === 2);
    expect(standby.sent).toHaveLength(0);

    await leader.relay.stop();
    await standbyStarted;
    await store.append('order-3', 2, newEvents(1, 'three-more'));
    await waitFor('the standby to publish the new event', () => standby.sent.length === 1);
    await standby.relay.stop();
    expect(standby.sent[0]!.headers['stream-version']).toBe('3');
  });

  describe('woken by commits of this process', () => {
    const started: OutboxRelay[] = [];
    // Inner afterEach hooks run first: a relay left running would keep its leader connection and the pool open.
    afterEach(() => Promise.all(started.splice(0).map((relay) => relay.stop())));

    /** A started relay whose idle pause (a minute) outlasts the test: only a heard commit makes it read again. */
    async function wokenRelay() {
      const commits = new CommitSignal();
      const sent: OutgoingMessage[] = [];
      const relay = new OutboxRelay({ pool: db.pool, topicFor: () => 'oms.order.events.v1', idleDelayMs: 60_000, wakeOn: commits, publish: async (messages) => void sent.push(...messages) });
      started.push(relay);
      await relay.start();
      return { relay, sent, commits };
    }

    it('publishes an event once a commit is heard, not after the idle pause, and stops without waiting the pause out', async () => {
      const { relay, sent, commits } = await wokenRelay();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the first read found nothing: the relay is pausing
      await store.append('order-4', 0, newEvents(1, 'four'));
      // A transaction open anywhere in the cluster (test files run in parallel) holds a read back
      // until it ends (readAll's xmin rule); the service's consumers commit again and again, so
      // the test keeps signalling as they would. Without the wake-up only the minute would end this wait.
      await waitFor('the event published', () => {
        commits.committed();
        return sent.length === 1;
      }, { timeoutMs: 10_000 });
      const stopping = Date.now();
      await relay.stop();
      expect(Date.now() - stopping).toBeLessThan(5_000);
    });

    it('stops listening when stopped', async () => {
      const { relay, commits } = await wokenRelay();
      const heard = jest.spyOn(relay, 'wake');
      await relay.stop();
      commits.committed();
      expect(heard).not.toHaveBeenCalled();
    });
  });
});
