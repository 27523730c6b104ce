import { waitFor } from '@oms/testing';
import { RecordingLogger } from '../contract-tests/recording.logger';
import { ConsumerSupervisor, type SessionSignals, type SupervisedSession } from './consumer-supervisor';

/** Sessions under the test's control: each start is recorded, failures are scripted. */
class FakeSessions {
  readonly started: Array<{ signals: SessionSignals; stopped: boolean }> = [];
  failNextStarts = 0;
  crashDuringStart = false;

  readonly starter = async (signals: SessionSignals): Promise<SupervisedSession> => {
    if (this.failNextStarts-- > 0) throw new Error('ECONNREFUSED');
    const session = { signals, stopped: false };
    this.started.push(session);
    if (this.crashDuringStart) {
      this.crashDuringStart = false;
      signals.stopped(new Error('coordinator is loading'));
    }
    return { stop: async () => void (session.stopped = true) };
  };

  last(): { signals: SessionSignals; stopped: boolean } {
    const session = this.started[this.started.length - 1];
    if (!session) throw new Error('no session started');
    return session;
  }
}

const fastBackoff = { initialDelayMs: 1, maxDelayMs: 4, multiplier: 2 };

describe('ConsumerSupervisor', () => {
  it('replaces a session that stopped on its own, discarding the dead one', async () => {
    const sessions = new FakeSessions();
    const logger = new RecordingLogger();
    const supervisor = new ConsumerSupervisor(sessions.starter, fastBackoff, logger, { groupId: 'g' });
    await supervisor.start();
    const first = sessions.last();

    first.signals.stopped(new Error('KafkaJSNumberOfRetriesExceeded'));
    await waitFor('a second session', () => sessions.started.length === 2);
    expect(first.stopped).toBe(true);
    expect(logger.lines.map((line) => line.message)).toEqual(['consumer stopped on its own; restarting it', 'restarting consumer', 'consumer restarted']);
    expect(logger.lines[0]?.fields).toMatchObject({ groupId: 'g', error: 'KafkaJSNumberOfRetriesExceeded' });
    await supervisor.close();
    expect(sessions.last().stopped).toBe(true);
  });

  it('keeps trying while starts fail, logging every attempt', async () => {
    const sessions = new FakeSessions();
    const logger = new RecordingLogger();
    const supervisor = new ConsumerSupervisor(sessions.starter, fastBackoff, logger, {});
    await supervisor.start();
    sessions.failNextStarts = 3;
    sessions.last().signals.stopped(new Error('broker gone'));
    await waitFor('a session after three failed starts', () => sessions.started.length === 2);
    const failures = logger.lines.filter((line) => line.message === 'consumer restart failed');
    expect(failures.map((line) => line.fields['attempt'])).toEqual([1, 2, 3]);
    await supervisor.close();
  });

  it('acts on a stop reported while the session was still starting', async () => {
    const sessions = new FakeSessions();
    const supervisor = new ConsumerSupervisor(sessions.starter, fastBackoff, new RecordingLogger(), {});
    sessions.crashDuringStart = true;
    await supervisor.start();
    await waitFor('a replacement session', () => sessions.started.length === 2);
    await supervisor.close();
  });

  it('ignores a stop reported by a session it already replaced', async () => {
    const sessions = new FakeSessions();
    const logger = new RecordingLogger();
    const supervisor = new ConsumerSupervisor(sessions.starter, fastBackoff, logger, {});
    await supervisor.start();
    const first = sessions.last();
    first.signals.stopped(new Error('crash'));
    await waitFor('a second session', () => sessions.started.length === 2);
    // Accepting a report is synchronous (it is logged at once), so this is the whole effect.
    first.signals.stopped(new Error('late duplicate report'));
    expect(logger.lines.filter((line) => line.message.startsWith('consumer stopped on its own'))).toHaveLength(1);
    await supervisor.close();
    expect(sessions.started).toHaveLength(2);
  });

  it('stops restarting once closed, even in the middle of a backoff', async () => {
    const sessions = new FakeSessions();
    const supervisor = new ConsumerSupervisor(sessions.starter, { initialDelayMs: 60_000, maxDelayMs: 60_000, multiplier: 1 }, new RecordingLogger(), {});
    await supervisor.start();
    sessions.last().signals.stopped(new Error('crash'));
    const closedAt = Date.now();
    await supervisor.close();
    expect(Date.now() - closedAt).toBeLessThan(1_000);
    expect(sessions.started).toHaveLength(1);
  });

  it('does not treat its own close as a crash', async () => {
    const sessions = new FakeSessions();
    const logger = new RecordingLogger();
    const supervisor = new ConsumerSupervisor(sessions.starter, fastBackoff, logger, {});
    await supervisor.start();
    await supervisor.close();
    sessions.last().signals.stopped(new Error('STOP after disconnect'));
    expect(logger.lines).toEqual([]);
    expect(sessions.started).toHaveLength(1);
  });
});
