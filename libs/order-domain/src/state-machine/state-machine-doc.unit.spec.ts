import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OrderStateMachine } from './order-state-machine';
import { ORDER_TRANSITIONS } from './order-transitions';
import { GENERATED_SECTIONS, markers, RENDER_COMMAND, STATE_MACHINE_DOC_PATH, syncGeneratedSections } from './state-machine-doc';
import { renderStateDiagram } from './state-diagram.renderer';

const docPath = resolve(__dirname, '../../../..', STATE_MACHINE_DOC_PATH);

describe(`${STATE_MACHINE_DOC_PATH}`, () => {
  it('shows the diagram and the table generated from order-transitions.data.json', () => {
    const doc = readFileSync(docPath, 'utf8');
    if (syncGeneratedSections(doc) !== doc) {
      throw new Error(`${STATE_MACHINE_DOC_PATH} disagrees with the transition table: run ${RENDER_COMMAND}`);
    }
    for (const section of GENERATED_SECTIONS) expect(doc).toContain(section.render());
  });
});

describe('syncGeneratedSections', () => {
  const doc = ['# Title', ...GENERATED_SECTIONS.flatMap((s) => [markers(s.name).begin, 'OUTDATED-PLACEHOLDER', markers(s.name).end]), 'tail'].join('\n');

  it('replaces only what is between the markers', () => {
    const synced = syncGeneratedSections(doc);
    expect(synced.startsWith('# Title\n')).toBe(true);
    expect(synced.endsWith('\ntail')).toBe(true);
    expect(synced).not.toContain('OUTDATED-PLACEHOLDER');
    expect(synced).toContain(renderStateDiagram());
    expect(syncGeneratedSections(synced)).toBe(synced);
  });

  it('detects a doc whose table changed under it', () => {
    const fewerRows = new OrderStateMachine(ORDER_TRANSITIONS.filter((row) => row.command !== 'CompleteOrder'));
    const sections = [{ name: 'order-state-diagram', render: () => renderStateDiagram(fewerRows) }];
    const synced = syncGeneratedSections(doc, sections);
    expect(syncGeneratedSections(synced)).not.toBe(synced);
  });

  it('refuses a doc without markers rather than guessing', () => {
    expect(() => syncGeneratedSections('# no markers')).toThrow(/markers of order-state-diagram are missing/);
  });
});
