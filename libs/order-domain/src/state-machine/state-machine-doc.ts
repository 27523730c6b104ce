import { renderStateDiagram, renderTransitionTable } from './state-diagram.renderer';

/** Path of the generated doc, relative to the workspace root. */
export const STATE_MACHINE_DOC_PATH = 'docs/order-state-machine.md';

/** The command that regenerates the doc, quoted in the stale-doc test failure. */
export const RENDER_COMMAND = 'node -r @swc-node/register libs/order-domain/scripts/render-state-diagram.ts';

/** A generated section of the doc: the text between its two marker comments. */
export interface GeneratedSection {
  name: string;
  render: () => string;
}

/** The sections of `docs/order-state-machine.md` generated from the transition table. */
export const GENERATED_SECTIONS: readonly GeneratedSection[] = [
  { name: 'order-state-diagram', render: () => ['```mermaid', renderStateDiagram(), '```'].join('\n') },
  { name: 'order-transition-table', render: renderTransitionTable },
];

/** The begin and end marker comments of a section. */
export function markers(name: string): { begin: string; end: string } {
  return {
    begin: `<!-- BEGIN GENERATED ${name}: do not edit; run ${RENDER_COMMAND} -->`,
    end: `<!-- END GENERATED ${name} -->`,
  };
}

/**
 * Returns `doc` with every generated section replaced by a fresh rendering. Pure: the script does
 * the reading and writing. Throws when a section's markers are missing, rather than guessing.
 */
export function syncGeneratedSections(doc: string, sections: readonly GeneratedSection[] = GENERATED_SECTIONS): string {
  return sections.reduce((text, section) => {
    const { begin, end } = markers(section.name);
    const start = text.indexOf(begin);
    const stop = text.indexOf(end);
    if (start < 0 || stop < start) throw new Error(`${STATE_MACHINE_DOC_PATH}: markers of ${section.name} are missing`);
    return `${text.slice(0, start + begin.length)}\n${section.render()}\n${text.slice(stop)}`;
  }, doc);
}
