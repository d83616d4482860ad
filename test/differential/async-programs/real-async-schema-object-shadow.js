// A module-level binding named `Object` (a schema builder, as schema and
// codegen libraries export one) does not change how a compiled `for await`
// or `for…of` checks each iterator result: they iterate as natively.
export const log = [];

const Object = (fields) => ({ kind: "object", fields });
const RecordSchema = Object({ id: "number", name: "string" });

function check(schema, rec) {
  return globalThis.Object.keys(schema.fields).every((k) => typeof rec[k] === schema.fields[k]);
}

/* @resumable */
export async function* main(rows) {
  let valid = 0;
  for await (const row of rows) {
    await null;
    if (!check(RecordSchema, row)) {
      log.push(`invalid ${JSON.stringify(row)}`);
      continue;
    }
    valid++;
    yield row.name;
  }
  for (const row of rows) yield `again ${row.id}`;
  return valid;
}

export const create = () =>
  main([
    { id: 1, name: "a" },
    { id: "2", name: "b" },
    { id: 3, name: "c" },
  ]);
