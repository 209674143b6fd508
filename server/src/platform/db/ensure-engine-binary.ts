// `npm run db:engine -w server`: build the embedded engine ahead of time (CI and first start call it).
import { ensureEngineBinary } from './engine-binary';

console.log(ensureEngineBinary((line) => console.log(line)));
