// Preloaded into every Node process of a build by `npm run build:scale` (`--import` in NODE_OPTIONS): appends each
// timing the pipeline publishes (lib/timing.ts) to PLAYBOOK_TIMING as a JSON line, from whichever process it runs in.
import { appendFileSync } from 'node:fs'
import { subscribe } from 'node:diagnostics_channel'

const file = process.env.PLAYBOOK_TIMING
if (file) subscribe('playbook:timing', (message) => appendFileSync(file, `${JSON.stringify(message)}\n`))
