/** Writes the app's OpenAPI document to the file named by the first argument, or to stdout. */
import fs from 'node:fs';
import { openApiDocument } from '../src/server/openapi-document.js';

const text = JSON.stringify(await openApiDocument(), null, 2) + '\n';
if (process.argv[2]) fs.writeFileSync(process.argv[2], text);
else process.stdout.write(text);
