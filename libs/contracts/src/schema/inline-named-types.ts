import {
  AVRO_PRIMITIVES,
  fullNameOf,
  isNamedType,
  namespaceOf,
  qualifyName,
  type AvroSchemaJson,
  type AvroTypeJson,
} from './avro-schema-json';

/**
 * Makes a schema self-contained: every reference to a shared named type from `library` (the
 * `avro/common/*.avsc` files, keyed by full name) is replaced by that type's full definition at
 * its first use, and left as a reference afterwards — exactly the shape Avro requires of one
 * schema document. Shared types may themselves use other shared types. References to names not in
 * the library are left alone, for avsc to report.
 *
 * This is the loader's name resolution: it lets `Address`, `OrderLine`… be written once, while
 * every current and historical schema stays loadable by any Avro library on its own.
 */
export function inlineNamedTypes(
  schema: AvroSchemaJson,
  library: ReadonlyMap<string, AvroSchemaJson>,
): AvroSchemaJson {
  const defined = new Set<string>();

  const visit = (node: AvroSchemaJson, namespace: string | undefined): AvroSchemaJson => {
    if (typeof node === 'string') return visitReference(node, namespace);
    if (Array.isArray(node)) return node.map((branch) => visit(branch, namespace));
    return visitComplex(node, namespace);
  };

  const visitReference = (name: string, namespace: string | undefined): AvroSchemaJson => {
    if (AVRO_PRIMITIVES.has(name)) return name;
    const fullName = qualifyName(name, namespace);
    const definition = library.get(fullName);
    if (defined.has(fullName) || definition === undefined) return name;
    return visit(structuredClone(definition), namespace);
  };

  const visitComplex = (node: AvroTypeJson, namespace: string | undefined): AvroTypeJson => {
    let inner = namespace;
    if (isNamedType(node)) {
      const fullName = fullNameOf(node, namespace);
      defined.add(fullName);
      inner = namespaceOf(fullName);
    }
    const copy: AvroTypeJson = { ...node };
    if (node.fields) copy.fields = node.fields.map((field) => ({ ...field, type: visit(field.type, inner) }));
    if (node.items !== undefined) copy.items = visit(node.items, inner);
    return copy;
  };

  return visit(schema, undefined);
}
