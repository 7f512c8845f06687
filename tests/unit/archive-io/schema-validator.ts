/** The archive JSON Schema compiled with Ajv (2020-12, with formats), for tests. */
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const archiveJsonSchema = JSON.parse(
  fs.readFileSync(new URL('../../../schemas/jianbao-archive.v2.schema.json', import.meta.url), 'utf8'),
);

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
export const validateArchiveFile = ajv.compile(archiveJsonSchema);
/** One clip record, checked against the schema's own definition of it. */
export const validateClipRecord = ajv.getSchema(`${archiveJsonSchema.$id}#/$defs/clip`)!;

export function schemaErrors(validate: typeof validateArchiveFile, data: unknown): string {
  return validate(data) ? '' : ajv.errorsText(validate.errors);
}
