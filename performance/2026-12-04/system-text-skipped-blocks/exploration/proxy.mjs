// usage: node proxy.mjs <port> <upstream-port> [transform.mjs]  (transform: default export html => html)
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'
const [port, upstream, transformFile] = process.argv.slice(2)
const transform = transformFile ? (await import(pathToFileURL(path.resolve(transformFile)).href)).default : (h) => h
http
  .createServer((req, res) => {
    const headers = { ...req.headers }
    delete headers['accept-encoding']
    const up = http.request({ host: '127.0.0.1', port: upstream, path: req.url, method: req.method, headers }, (ur) => {
      const chunks = []
      ur.on('data', (c) => chunks.push(c))
      ur.on('end', () => {
        let body = Buffer.concat(chunks)
        const h = { ...ur.headers }
        delete h['content-length']
        delete h['transfer-encoding']
        if ((ur.headers['content-type'] || '').includes('text/html')) {
          body = Buffer.from(transform(body.toString('utf8')))
          delete h.etag
        }
        if (/gzip/.test(req.headers['accept-encoding'] || '') && body.length > 1000) {
          body = zlib.gzipSync(body)
          h['content-encoding'] = 'gzip'
        }
        h['content-length'] = body.length
        res.writeHead(ur.statusCode, h)
        res.end(body)
      })
    })
    req.pipe(up)
  })
  .listen(Number(port), '127.0.0.1')
