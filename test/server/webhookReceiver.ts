import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How the receiver answers, the ways 企业微信 and 钉钉 (and the network between) do. */
export type ReceiverMode = 'ok' | 'http500' | 'errcode' | 'errcodeEcho' | 'rateLimited' | 'hang' | 'close'

export type Received = { readonly url: URL; readonly body: { msgtype?: string; markdown?: { content?: string; title?: string; text?: string } } }

/** A local robot endpoint on an ephemeral port: records every request it gets, answers per `mode`. */
export type Receiver = {
  readonly origin: string
  mode: ReceiverMode
  readonly received: Received[]
  close(): Promise<void>
}

export async function startReceiver(channel: 'wecom' | 'dingtalk' = 'wecom'): Promise<Receiver> {
  const received: Received[] = []
  const hanging: ServerResponse[] = []
  const receiver = { mode: 'ok' as ReceiverMode, received } as Receiver & { origin: string }
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (raw += chunk))
    request.on('end', () => {
      received.push({ url: new URL(request.url ?? '/', 'http://receiver'), body: JSON.parse(raw || '{}') as Received['body'] })
      const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      switch (receiver.mode) {
        case 'ok':
          return json(200, { errcode: 0, errmsg: 'ok' })
        case 'http500':
          return json(500, { message: 'internal' })
        case 'errcode':
          return json(200, channel === 'wecom' ? { errcode: 93000, errmsg: 'invalid webhook url' } : { errcode: 310000, errmsg: 'sign not match' })
        case 'errcodeEcho':
          // Some answers quote the request back: what we keep of them must not.
          return json(200, { errcode: 93000, errmsg: `invalid webhook url ${request.url ?? ''}` })
        case 'rateLimited':
          return json(200, channel === 'wecom' ? { errcode: 45009, errmsg: 'api freq out of limit' } : { errcode: 130101, errmsg: 'send too fast' })
        case 'hang':
          hanging.push(response)
          return undefined
        case 'close':
          return request.socket.destroy()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  receiver.origin = `http://127.0.0.1:${port}`
  receiver.close = async () => {
    for (const response of hanging) response.destroy()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  return receiver
}
