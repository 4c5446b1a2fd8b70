import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the proxy can do to one request; `pass` forwards it untouched. */
export type Fault =
  | 'pass'
  | 'delay'
  | 'reset_request'
  | 'status_500'
  | 'status_503'
  | 'status_429'
  | 'drop_response'
  | 'truncate_response'

/** Chance of each fault per request; the rest pass. */
export type FaultRates = Readonly<Partial<Record<Exclude<Fault, 'pass'>, number>>>

export const defaultFaultRates: FaultRates = {
  delay: 0.08,
  reset_request: 0.04,
  status_500: 0.03,
  status_503: 0.03,
  status_429: 0.03,
  drop_response: 0.06,
  truncate_response: 0.02,
}

export type ProxyStats = {
  requests: number
  byFault: Record<Fault, number>
  /** The server was down (killed): connection refused or reset upstream. */
  upstreamDown: number
  /** Responses the server sent (so: committed) that never reached the device. */
  committedButLost: number
  byRoute: Record<string, number>
}

export type FaultProxy = {
  readonly url: string
  readonly stats: ProxyStats
  /** Faults on or off (the final comparison reads through a clean line). */
  setFaults(on: boolean): void
  close(): Promise<void>
}

function pickFault(rates: FaultRates, random: () => number): Fault {
  let roll = random()
  for (const [fault, rate] of Object.entries(rates) as [Exclude<Fault, 'pass'>, number][]) {
    if (roll < rate) return fault
    roll -= rate
  }
  return 'pass'
}

function routeOf(req: IncomingMessage): string {
  const path = (req.url ?? '').split('?')[0] ?? ''
  return `${req.method ?? 'GET'} ${path.replace(/[0-9a-f]{64}/, ':sha256')}`
}

/**
 * An HTTP proxy on 127.0.0.1 that breaks requests on purpose, between the devices and the
 * real server: resets before forwarding, 5xx/429 answers of its own, replies the server sent
 * and committed but the device never gets (whole or cut short), delays.
 */
export async function startFaultProxy(options: {
  readonly targetPort: number
  readonly random: () => number
  readonly rates?: FaultRates
}): Promise<FaultProxy> {
  const rates = options.rates ?? defaultFaultRates
  let faultsOn = true
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  const stats: ProxyStats = {
    requests: 0,
    byFault: { pass: 0, delay: 0, reset_request: 0, status_500: 0, status_503: 0, status_429: 0, drop_response: 0, truncate_response: 0 },
    upstreamDown: 0,
    committedButLost: 0,
    byRoute: {},
  }

  const refuse = (res: ServerResponse, status: number): void => {
    const headers: Record<string, string> = { 'content-type': 'text/html' }
    if (status === 429) headers['retry-after'] = '1'
    res.writeHead(status, headers).end(`<html><body>${status}</body></html>`)
  }

  const forward = (req: IncomingMessage, res: ServerResponse, fault: Fault): void => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: options.targetPort, method: req.method, path: req.url, headers: req.headers, agent },
      (reply) => {
        const chunks: Buffer[] = []
        reply.on('data', (chunk: Buffer) => chunks.push(chunk))
        reply.on('error', () => res.destroy())
        reply.on('end', () => {
          const body = Buffer.concat(chunks)
          if (fault === 'drop_response') {
            stats.committedButLost += 1
            res.destroy()
            return
          }
          const headers = { ...reply.headers }
          delete headers['transfer-encoding']
          if (fault === 'truncate_response') {
            stats.committedButLost += 1
            // Headers and half the body, then the line dies: the device's JSON parse fails.
            if (body.length < 2) return void res.destroy()
            headers['content-length'] = String(body.length)
            res.writeHead(reply.statusCode ?? 502, headers)
            res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy())
            return
          }
          headers['content-length'] = String(body.length)
          res.writeHead(reply.statusCode ?? 502, headers).end(body)
        })
      },
    )
    upstream.on('error', () => {
      // The server is down (killed) or died mid-request: the device sees a reset or a 502.
      stats.upstreamDown += 1
      if (!res.headersSent && stats.upstreamDown % 2 === 0) refuse(res, 502)
      else res.destroy()
    })
    req.pipe(upstream)
  }

  const server = createServer((req, res) => {
    stats.requests += 1
    const route = routeOf(req)
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1
    const fault = faultsOn ? pickFault(rates, options.random) : 'pass'
    stats.byFault[fault] += 1
    switch (fault) {
      case 'reset_request':
        req.socket.destroy()
        return
      case 'status_500':
      case 'status_503':
      case 'status_429':
        req.resume()
        refuse(res, Number(fault.slice(-3)))
        return
      case 'delay':
        setTimeout(() => forward(req, res, fault), 20 + Math.floor(options.random() * 200))
        return
      default:
        forward(req, res, fault)
    }
  })
  // Keep-alive sockets the devices hold open must not keep close() waiting.
  server.keepAliveTimeout = 1_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setFaults(on) {
      faultsOn = on
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      agent.destroy()
    },
  }
}
