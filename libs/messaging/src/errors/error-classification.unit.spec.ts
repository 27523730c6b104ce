import { classifyFailure } from './error-classification';
import { DecodeError } from './decode.error';
import { NonRetriableError, PoisonMessageError } from './poison-message.error';
import { PublishError } from './publish.error';
import { TransientError } from './transient.error';

describe('classifyFailure', () => {
  it.each([
    ['PoisonMessageError', new PoisonMessageError('bad'), 'poison'],
    ['NonRetriableError (alias)', new NonRetriableError('bad'), 'poison'],
    ['DecodeError', new DecodeError('garbage'), 'poison'],
    ['TransientError', new TransientError('down'), 'transient'],
    ['PublishError', new PublishError('broker down'), 'transient'],
    ['serialization failure', Object.assign(new Error('could not serialize'), { code: '40001' }), 'transient'],
    ['admin shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' }), 'transient'],
    ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' }), 'unknown'],
    ['plain Error', new Error('boom'), 'unknown'],
    ['a thrown string', 'boom', 'unknown'],
  ])('%s is %s', (_name, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });

  it('names error subclasses after themselves', () => {
    expect(new DecodeError('x').name).toBe('DecodeError');
    expect(new PublishError('x').name).toBe('PublishError');
  });
});
