import { resolve } from 'node:path';

/**
 * Where the `.avsc` files live: `libs/contracts/avro`, found relative to this source file so it
 * works from `src` under ts-node/swc and Jest. A bundled build must copy the `avro` folder so that
 * it sits at the same relative place, or pass its own folder to `loadSchemaRegistry`.
 */
export const DEFAULT_AVRO_DIR = resolve(__dirname, '../../avro');
