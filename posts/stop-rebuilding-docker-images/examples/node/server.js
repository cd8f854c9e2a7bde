// A tiny HTTP service with no dependencies: node: built-ins only.
// In the dev container it runs under `node --watch-path=.`, which restarts the
// process whenever a file under the app directory changes.
import { createServer } from 'node:http'

const greeting = 'hello from a runtime container'
const port = Number(process.env.PORT ?? 3000)

const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(204).end()
    return
  }
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(`${greeting}\n`)
})

server.listen(port, () => console.log(`listening on :${port}`))

// node --watch and nodemon send SIGTERM before restarting; docker stop does too.
// Close the listener so the next process can bind the port straight away.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  })
}
