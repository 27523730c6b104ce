// Prints the promotion's SKU catalog (the dispatch engine's DISPATCH_CATALOG_FILE) as JSON:
//   node -r @swc-node/register apps/backbone/src/cli/scenario-catalog.command.ts > sku-catalog.json
import { scenarioCatalogJson } from '../scenario/scenario-catalog';

process.stdout.write(`${scenarioCatalogJson()}\n`);
